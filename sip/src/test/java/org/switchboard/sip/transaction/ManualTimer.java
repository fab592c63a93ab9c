package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/** A protocol timer driven by hand: time moves only when a test calls {@link #advance}. Test thread only. */
final class ManualTimer implements ProtocolTimer {
    private record Entry(long dueMillis, long seq, Executor owner, Runnable task, boolean[] cancelled) {}

    private final List<Entry> entries = new ArrayList<>();
    private long nowMillis;
    private long seq;

    @Override
    public Cancellable schedule(Duration delay, Executor owner, Runnable task) {
        boolean[] cancelled = {false};
        entries.add(new Entry(nowMillis + delay.toMillis(), seq++, owner, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward, firing every timer that falls due on the way, in order. */
    void advance(Duration by) {
        long target = nowMillis + by.toMillis();
        while (true) {
            Entry next = entries.stream()
                    .filter(e -> !e.cancelled()[0] && e.dueMillis() <= target)
                    .min(Comparator.comparingLong(Entry::dueMillis).thenComparingLong(Entry::seq))
                    .orElse(null);
            if (next == null) {
                break;
            }
            entries.remove(next);
            nowMillis = next.dueMillis();
            next.owner().execute(next.task());
        }
        nowMillis = target;
    }

    long pending() {
        return entries.stream().filter(e -> !e.cancelled()[0]).count();
    }
}
