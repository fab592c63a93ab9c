package org.switchboard.bench.sip;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.parse.SipParser;

/**
 * Parse, and parse + serialize, of a typical INVITE (with SDP) and REGISTER, as the decoder and
 * encoder see them on every packet. Parsing goes through {@link SipParser#parseOwned}, the entry the
 * receive path uses (each datagram already has its own array, so nothing is copied); the constant
 * arrays are never changed, which is all that entry asks. Run: {@code java -jar bench/target/benchmarks.jar SipMessageBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SipMessageBenchmark {

    private final SipParser parser = SipParser.DEFAULT;

    @Benchmark
    public SipMessage parseInvite() {
        return parser.parseOwned(TypicalMessages.INVITE);
    }

    @Benchmark
    public SipMessage parseRegister() {
        return parser.parseOwned(TypicalMessages.REGISTER);
    }

    /** Parse, then the reads the transaction layer makes of every message (see {@link EssentialReads}). */
    @Benchmark
    public int parseAndReadInvite() {
        return EssentialReads.read(parser.parseOwned(TypicalMessages.INVITE));
    }

    @Benchmark
    public int parseAndReadRegister() {
        return EssentialReads.read(parser.parseOwned(TypicalMessages.REGISTER));
    }

    @Benchmark
    public byte[] parseAndSerializeInvite() {
        return parser.parseOwned(TypicalMessages.INVITE).toBytes();
    }

    @Benchmark
    public byte[] parseAndSerializeRegister() {
        return parser.parseOwned(TypicalMessages.REGISTER).toBytes();
    }
}
