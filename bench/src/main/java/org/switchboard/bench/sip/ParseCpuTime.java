package org.switchboard.bench.sip;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.ToIntFunction;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.parse.SipParser;

/**
 * Parses per CPU-second of the measuring thread, for machines too busy for a wall-clock figure
 * (JMH measures wall time, so other processes on the same cores deflate it). Run:
 * {@code java -cp bench/target/benchmarks.jar org.switchboard.bench.sip.ParseCpuTime}. Single-threaded.
 * Parses through the receive path's entry, {@link SipParser#parseOwned}, like {@link SipMessageBenchmark}.
 */
public final class ParseCpuTime {
    private static final long ROUND_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 6;

    private ParseCpuTime() {}

    public static void main(String[] args) {
        report("parse INVITE", TypicalMessages.INVITE, m -> m.contentLength());
        report("parse REGISTER", TypicalMessages.REGISTER, m -> m.contentLength());
        report("parse+read INVITE", TypicalMessages.INVITE, EssentialReads::read);
        report("parse+read REGISTER", TypicalMessages.REGISTER, EssentialReads::read);
        report("parse+serialize INVITE", TypicalMessages.INVITE, m -> m.toBytes().length);
        report("parse+serialize REGISTER", TypicalMessages.REGISTER, m -> m.toBytes().length);
    }

    /** Runs {@code parse, then use} in rounds of CPU time and prints the best late round's rate. */
    private static void report(String what, byte[] message, ToIntFunction<SipMessage> use) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double best = 0;
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            long ops = 0;
            while (cpu.getCurrentThreadCpuTime() - start < ROUND_NANOS) {
                for (int i = 0; i < 1000; i++) {
                    sink += use.applyAsInt(SipParser.DEFAULT.parseOwned(message));
                }
                ops += 1000;
            }
            double rate = ops * 1e9 / (cpu.getCurrentThreadCpuTime() - start);
            // the first rounds include JIT warm-up; report the last ones
            if (round >= ROUNDS / 2) {
                best = Math.max(best, rate);
            }
        }
        System.out.printf("%-26s %,10.0f ops per CPU-second (checksum %d)%n", what, best, sink % 10);
    }
}
