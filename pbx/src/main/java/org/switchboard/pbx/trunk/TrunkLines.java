package org.switchboard.pbx.trunk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.provisioning.SealedSecretException;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.store.trunk.SipTrunk;

/**
 * The node's trunks at work: one {@link TrunkLine} per enabled trunk once SIP runs, replaced when
 * the trunk changes (the old line un-registers first, so its Expires: 0 cannot remove the new
 * line's binding), and the state of each for the API. The map of lines is guarded by this
 * object's lock, held only to swap entries; the states are read lock-free from any thread.
 */
public final class TrunkLines {
    private static final Logger log = LoggerFactory.getLogger(TrunkLines.class);

    private final TrunkService trunks;
    private final SipServerResolver resolver;
    private final ScheduledExecutorService scheduler;
    private final TrunkTimings timings;
    private final Clock clock;
    private final Map<String, TrunkState> states = new ConcurrentHashMap<>();
    private final Map<String, Running> lines = new HashMap<>();
    private SipStack stack;

    /** A line and the future its start waits on (the previous line's un-REGISTER). */
    private record Running(SipTrunk trunk, TrunkLine line, CompletableFuture<Void> started) {}

    public TrunkLines(TrunkService trunks, SipServerResolver resolver, ScheduledExecutorService scheduler,
            TrunkTimings timings, Clock clock) {
        this.trunks = trunks;
        this.resolver = resolver;
        this.scheduler = scheduler;
        this.timings = timings;
        this.clock = clock;
        trunks.onChange(this::apply);
    }

    /** Starts a line for every enabled trunk (once the SIP stack runs). */
    public synchronized void start(SipStack sipStack) {
        this.stack = sipStack;
        trunks.list().forEach(t -> apply(t.name()));
        log.info("trunks started enabled={}", lines.size());
    }

    /**
     * Un-registers every trunk and waits, at most {@link TrunkTimings#unregisterWait()}, for the
     * carriers' answers (before the SIP stack stops).
     */
    public void stop() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        synchronized (this) {
            lines.values().forEach(r -> stopping.add(r.started().thenCompose(v -> r.line().stop())));
            lines.clear();
            stack = null;
        }
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                    .get(timings.unregisterWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("trunks stopped before every carrier answered the un-REGISTER");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("trunk un-REGISTER failed reason={}", e.getCause().toString());
        }
    }

    /** What the node knows of a trunk now. */
    public TrunkState state(SipTrunk trunk) {
        if (!trunk.values().enabled()) {
            return TrunkState.DISABLED;
        }
        return states.getOrDefault(trunk.name(), TrunkState.STARTING);
    }

    /** Follows a committed change of trunk {@code name}: stops its line, starts a new one if it is enabled. */
    private synchronized void apply(String name) {
        if (stack == null) {
            return;
        }
        Optional<SipTrunk> trunk = trunks.find(name);
        Running old = lines.remove(name);
        CompletableFuture<Void> previous = old == null ? CompletableFuture.completedFuture(null)
                : old.started().thenCompose(v -> old.line().stop());
        states.remove(name);
        if (trunk.isEmpty() || !trunk.get().values().enabled()) {
            return;
        }
        SipTrunk t = trunk.get();
        Optional<String> password;
        try {
            password = trunks.password(t);
        } catch (SealedSecretException e) {
            // The key file changed or the row was altered: show it on this trunk, keep the others running.
            log.warn("trunk password does not open trunk={} reason={}", name, e.getMessage());
            states.put(name, new TrunkState(TrunkState.Registration.FAILED, TrunkState.Health.UNKNOWN,
                    Optional.of("the stored password does not open with this node's key file; set the password again"),
                    Optional.empty(), Optional.empty()));
            return;
        }
        TrunkLine line = new TrunkLine(t.values(), password, stack, resolver, scheduler, timings, clock,
                s -> publish(t, s));
        CompletableFuture<Void> started = previous.exceptionally(e -> null).thenRun(line::start);
        lines.put(name, new Running(t, line, started));
    }

    /** Records a line's state unless the line was replaced meanwhile (a stale line must not overwrite). */
    private void publish(SipTrunk trunk, TrunkState state) {
        synchronized (this) {
            Running current = lines.get(trunk.name());
            if (current == null || current.trunk() != trunk) {
                return;
            }
        }
        states.put(trunk.name(), state);
    }
}
