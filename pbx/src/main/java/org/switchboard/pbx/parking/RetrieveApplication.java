package org.switchboard.pbx.parking;

import java.util.function.Function;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code park_slot}: the target is a slot number (usually {@code $1} of the lot's slot rule);
 * the PBX answers the caller and joins it to the call parked there ({@link Retriever}). An empty slot is refused
 * with 404 before anything is answered. Thread-safe; the mixers come from the node's media endpoints once SIP runs.
 */
public final class RetrieveApplication implements Application {
    /** The kind's name in dial-plan rules. */
    public static final String KIND = "park_slot";

    private final ParkedCalls slots;
    private volatile Function<String, Mixer> mixers = label -> {
        throw new IllegalStateException("parking has no media yet");
    };

    public RetrieveApplication(ParkedCalls slots) {
        this.slots = slots;
    }

    /** The kind rules name: {@code "action": "park_slot", "target": "$1"}. */
    public static ApplicationKind kind() {
        return new ApplicationKind(KIND, "answers and joins the caller to the call parked in the slot the target names",
                target -> Fields.check(target.matches("[0-9]{1,8}|\\$[0-9]"), "target",
                        "must be a slot number or a group reference such as $1"));
    }

    /** Where the private mixers joining a retriever to its parked call come from (the node's media endpoints). */
    public void useMixers(Function<String, Mixer> newMixer) {
        this.mixers = newMixer;
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        int slot;
        try {
            slot = Integer.parseInt(destination.target());
        } catch (NumberFormatException e) {
            call.refuse(404, "No Such Park Slot");
            return;
        }
        if (!slots.isTaken(slot)) {
            call.refuse(404, "Nothing Parked There");
            return;
        }
        call.answer(new Retriever(slot, slots, mixers, call.executor()));
    }
}
