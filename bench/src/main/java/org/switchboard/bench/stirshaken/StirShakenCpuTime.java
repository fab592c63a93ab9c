package org.switchboard.bench.stirshaken;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

/**
 * CPU time per STIR/SHAKEN sign and verify, for machines too busy for JMH's wall-clock figures.
 * Counts the whole process's CPU time (verification runs on virtual threads, not the measuring
 * one), so garbage collection and the HTTP server's idle threads are included: an upper bound.
 * Run: {@code java -cp bench/target/benchmarks.jar org.switchboard.bench.stirshaken.StirShakenCpuTime}.
 */
public final class StirShakenCpuTime {
    private static final int ROUNDS = 6;
    private static final int OPS_PER_ROUND = 5_000;

    private StirShakenCpuTime() {}

    public static void main(String[] args) throws Exception {
        try (StirShakenFixture fixture = new StirShakenFixture()) {
            report("sign", fixture::sign);
            report("verify (cached certificate)", fixture::verify);
        }
    }

    /** Runs rounds of {@code op} and prints the best late round's CPU microseconds per operation. */
    private static void report(String what, Callable<?> op) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        int sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = os.getProcessCpuTime();
            for (int i = 0; i < OPS_PER_ROUND; i++) {
                sink += op.call().hashCode();
            }
            double micros = (os.getProcessCpuTime() - start) / 1e3 / OPS_PER_ROUND;
            // the first rounds include JIT warm-up; report the last ones
            if (round >= ROUNDS / 2) {
                best = Math.min(best, micros);
            }
        }
        System.out.printf("%-28s %8.1f µs CPU per operation (checksum %d)%n", what, best, sink & 7);
    }
}
