package org.switchboard.pbx.pickup;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.RingingCalls;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;
import org.switchboard.store.pickup.CallPickup;

/**
 * Destination kind {@code pickup}: the caller's phone answers a call that rings other phones. Target {@value
 * #GROUP}: the longest-ringing call ringing any extension that shares a pickup group with the caller (group
 * pickup; the caller's own extension is left out); any other target is an extension number (usually {@code $1} of the directed-pickup rule): the
 * longest-ringing call ringing that extension. Nothing to pick up: 480 with the reason, before anything is
 * answered. The caller's own calls are never picked. Thread-safe; the ringing calls come from call control once
 * SIP runs. Runs on the picker's executor, memory only.
 */
public final class PickupApplication implements Application {
    /** The kind's name in dial-plan rules. */
    public static final String KIND = "pickup";
    /** The target meaning the caller's pickup groups. */
    public static final String GROUP = "group";
    private static final Logger log = LoggerFactory.getLogger(PickupApplication.class);

    private final PickupGroupService groups;
    private final Consumer<CallPickup> pickups;
    private final Clock clock;
    private volatile Optional<RingingCalls> ringing = Optional.empty();

    /** @param pickups where each call picked up is recorded (a write-behind queue: never blocks) */
    public PickupApplication(PickupGroupService groups, Consumer<CallPickup> pickups, Clock clock) {
        this.groups = groups;
        this.pickups = pickups;
        this.clock = clock;
    }

    /** The kind rules name: {@code "action": "pickup", "target": "$1"} or {@code "target": "group"}. */
    public static ApplicationKind kind() {
        return new ApplicationKind(KIND, "answers on the caller's phone the longest-ringing call ringing the extension"
                + " the target names, or (target 'group') any extension of the caller's pickup groups",
                target -> Fields.check(target.equals(GROUP) || target.matches("[0-9]{2,10}|\\$[0-9]"), "target",
                        "must be 'group', an extension number or a group reference such as $1"));
    }

    /** Which calls ring on this node (call control's, once SIP runs). */
    public void useRinging(RingingCalls calls) {
        ringing = Optional.of(calls);
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        String target = destination.target();
        boolean group = target.equals(GROUP);
        Collection<String> candidates;
        if (group) {
            List<String> mine = groups.groupsOf(call.caller());
            if (mine.isEmpty()) {
                call.refuse(404, "Not In A Pickup Group");
                return;
            }
            // The picker's own phone rings its calls itself: answering them is no pickup.
            candidates = groups.membersOf(mine).stream().filter(member -> !member.equals(call.caller())).toList();
        } else {
            candidates = Set.of(target);
        }
        Optional<RingingCalls.Ringing> found = ringing.flatMap(calls -> calls.longestRinging(candidates, call.caller()));
        if (found.isEmpty()) {
            call.refuse(480, group ? "Nothing Ringing In Your Pickup Group" : "Nothing Ringing For " + target);
            return;
        }
        RingingCalls.Ringing taken = found.get();
        // Whose ringing is taken: the extension dialled, or the first member of the picker's groups it rings.
        String rung = taken.extensions().stream().filter(candidates::contains).sorted().findFirst().orElse(target);
        log.info("pickup picker={} target={} rung={} call_id={}", call.caller(), target, rung, taken.callId());
        call.pickUp(taken.callId(), () -> pickups.accept(new CallPickup(taken.callId(), rung, call.caller(),
                group ? CallPickup.GROUP : CallPickup.DIRECTED, clock.instant())));
    }
}
