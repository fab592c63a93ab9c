package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes faulty input from the network to the log without letting a sender fill it: the first
 * occurrence of each cause (the fault's reason phrase) from each source address is one WARN line;
 * repeats are counted, and one more line with their count is written when the same pair occurs
 * again after {@link #INTERVAL} has passed since its last line. No stack traces: this is input,
 * not a fault of ours. At most {@link #MAX_PAIRS} pairs are remembered; past that, pairs from
 * further sources share one entry per cause ({@code source=other}). Thread-safe; called from
 * event loops and call executors.
 */
public final class InputFaultLog {
    /** How often a pair that keeps occurring gets a line with its count. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Distinct (cause, source) pairs remembered; bounds the memory a scan of many sources can take. */
    static final int MAX_PAIRS = 1024;

    private static final Logger log = LoggerFactory.getLogger(InputFaultLog.class);

    private final Clock clock;
    private final long intervalMillis;
    private final Map<Pair, Occurrences> pairs = new ConcurrentHashMap<>();

    private record Pair(String cause, String source) {}

    /** Counts for one pair; changed only inside the map's compute for that pair. */
    private static final class Occurrences {
        long lastLineAt;
        long repeats;
    }

    public InputFaultLog(Clock clock) {
        this(clock, INTERVAL);
    }

    InputFaultLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /**
     * Records one faulty input.
     *
     * @param cause a short phrase naming the fault (a reason phrase from our own code, never raw input)
     * @param outcome what was done with the input: {@code "answered 400"}, {@code "dropped"}, ...
     */
    public void record(String cause, Transport transport, InetAddress source, String outcome) {
        long now = clock.millis();
        Pair pair = pairOf(cause, source.getHostAddress(), now);
        String[] line = new String[1];
        long[] repeated = new long[1];
        pairs.compute(pair, (p, seen) -> {
            if (seen == null) {
                Occurrences first = new Occurrences();
                first.lastLineAt = now;
                line[0] = "first";
                return first;
            }
            if (now - seen.lastLineAt >= intervalMillis) {
                repeated[0] = seen.repeats + 1;
                seen.repeats = 0;
                seen.lastLineAt = now;
                line[0] = "repeated";
            } else {
                seen.repeats++;
            }
            return seen;
        });
        if (line[0] == null) {
            return;
        }
        if (line[0].equals("first")) {
            log.warn("malformed sip input cause=\"{}\" source={} transport={} outcome=\"{}\"", cause, pair.source(),
                    transport, outcome);
        } else {
            log.warn("malformed sip input repeated cause=\"{}\" source={} transport={} count={} within={}s", cause,
                    pair.source(), transport, repeated[0], intervalMillis / 1000);
        }
    }

    /** The pair to count under: its own while there is room, else the cause's shared overflow entry. */
    private Pair pairOf(String cause, String source, long now) {
        Pair own = new Pair(cause, source);
        if (pairs.size() < MAX_PAIRS || pairs.containsKey(own)) {
            return own;
        }
        // Forget pairs quiet for a whole interval before giving up on per-source lines.
        pairs.entrySet().removeIf(e -> now - e.getValue().lastLineAt >= intervalMillis && e.getValue().repeats == 0);
        return pairs.size() < MAX_PAIRS ? own : new Pair(cause, "other");
    }
}
