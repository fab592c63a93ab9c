package org.switchboard.pbx.parking;

import java.util.Optional;
import java.util.function.Function;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code park}: the target names the lot; the PBX answers and parks the call ({@link
 * ParkedCaller}), whether it was dialled or blind-transferred there. A lot unknown when the call comes is refused
 * with 404. Stateless.
 */
public final class ParkApplication implements Application {
    /** The kind's name in dial-plan rules. */
    public static final String KIND = "park";

    private final ParkingService parking;
    private final ParkedCalls slots;
    private final Prompts prompts;
    private final Function<String, Optional<AudioSource>> musicOfClass;

    /** @param musicOfClass a listener of the music-on-hold class of that name, empty for silence */
    public ParkApplication(ParkingService parking, ParkedCalls slots, Prompts prompts,
            Function<String, Optional<AudioSource>> musicOfClass) {
        this.parking = parking;
        this.slots = slots;
        this.prompts = prompts;
        this.musicOfClass = musicOfClass;
    }

    /** The kind rules name: {@code "action": "park", "target": "default"}. */
    public static ApplicationKind kind() {
        return new ApplicationKind(KIND, "answers and parks the call in the first free slot of the park lot the target names",
                target -> Fields.check(target.equals(ParkingService.LOT), "target",
                        "must name the park lot ('" + ParkingService.LOT + "')"));
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        parking.lot(destination.target()).ifPresentOrElse(
                lot -> call.answer(new ParkedCaller(lot.values(), slots, prompts, musicOfClass, call.transferredBy(),
                        call.executor())),
                () -> call.refuse(404, "No Such Park Lot"));
    }
}
