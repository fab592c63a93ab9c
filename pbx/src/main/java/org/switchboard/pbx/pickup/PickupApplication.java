package org.switchboard.pbx.pickup;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.RingingCalls;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;

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
    private volatile Optional<RingingCalls> ringing = Optional.empty();

    public PickupApplication(PickupGroupService groups) {
        this.groups = groups;
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
        Collection<String> rung;
        if (target.equals(GROUP)) {
            List<String> mine = groups.groupsOf(call.caller());
            if (mine.isEmpty()) {
                call.refuse(404, "Not In A Pickup Group");
                return;
            }
            // The picker's own phone rings its calls itself: answering them is no pickup.
            rung = groups.membersOf(mine).stream().filter(member -> !member.equals(call.caller())).toList();
        } else {
            rung = Set.of(target);
        }
        Optional<RingingCalls.Ringing> found = ringing.flatMap(calls -> calls.longestRinging(rung, call.caller()));
        if (found.isEmpty()) {
            call.refuse(480, target.equals(GROUP) ? "Nothing Ringing In Your Pickup Group" : "Nothing Ringing For " + target);
            return;
        }
        log.info("pickup picker={} target={} call_id={}", call.caller(), target, found.get().callId());
        call.pickUp(found.get().callId());
    }
}
