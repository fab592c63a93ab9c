package org.switchboard.pbx.paging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.call.CallControl;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.IncomingCall;

/**
 * Starts pages for the {@code page} and {@code intercom} applications: leaves out the caller, members with no
 * registered phone and members already in a call, refuses the caller when nobody is left (480 with no phone, 486
 * when every reachable member is busy), else answers it with a {@link Page}. Thread-safe; call control and the
 * mixers come from the node once SIP runs ({@link #use}).
 */
public final class Pager {
    private static final Logger log = LoggerFactory.getLogger(Pager.class);

    private volatile CallControl calls;
    private volatile Function<String, Mixer> mixers;

    /** The node's call control (which rings the members) and its media endpoints' mixers; before this, calls get 503. */
    public void use(CallControl calls, Function<String, Mixer> newMixer) {
        this.mixers = newMixer;
        this.calls = calls;
    }

    /** Runs {@code order} for {@code call}; on the call's executor, returns at once. */
    void start(IncomingCall call, PageOrder order) {
        CallControl control = calls;
        if (control == null) {
            call.refuse(503, "Paging Not Ready");
            return;
        }
        List<String> reachable = order.members().stream()
                .filter(member -> !member.equals(call.caller()) && control.isRegistered(member)).toList();
        if (reachable.isEmpty()) {
            call.refuse(480, "No Member Reachable");
            return;
        }
        // who is in a call now is known by each call's executor: asked without blocking, answered on ours
        control.list().thenAcceptAsync(active -> {
            Set<String> busy = inCalls(active);
            List<String> free = reachable.stream().filter(member -> !busy.contains(member)).toList();
            if (free.isEmpty()) {
                call.refuse(486, "Every Member Busy");
                return;
            }
            log.info("{} from={} members={} skipped_busy={}", order.label(), call.caller(), free, reachable.size() - free.size());
            call.answer(new Page(order, free, call.caller(), control, mixers, call.executor()));
        }, call.executor());
    }

    private static Set<String> inCalls(List<CallSnapshot> active) {
        Set<String> parties = new HashSet<>();
        for (CallSnapshot call : active) {
            parties.add(call.caller());
            parties.add(call.callee());
        }
        return parties;
    }
}
