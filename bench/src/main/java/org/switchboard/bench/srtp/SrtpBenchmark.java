package org.switchboard.bench.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.media.srtp.SrtpContext;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/**
 * SRTP on a 172-byte PCMU packet (12-byte header, 20 ms of G.711). Each operation gives the packet the next
 * sequence number: a sender refuses to protect an index twice and a receiver to accept one twice, so a
 * receiver needs a fresh packet for every operation: {@code unprotect} takes them from a batch protected
 * before each invocation (outside the timing). Run with {@code -prof gc}: every operation should allocate ~0 B.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class SrtpBenchmark {
    private static final int PACKET_BYTES = 172;

    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32"})
    public SrtpSuite suite;

    private SrtpContext sender;
    private SrtpContext receiver;
    private final byte[] packet = new byte[PACKET_BYTES + 64];
    private ByteBuf direct;
    private int seq;

    @Setup
    public void setUp() {
        // a fixed key: JMH may hand Batch its own instance of this state, whose contexts must agree with ours
        byte[] keyAndSalt = new byte[30];
        Arrays.fill(keyAndSalt, (byte) 0x5a);
        SrtpMasterKey key = SrtpMasterKey.of(keyAndSalt);
        sender = new SrtpContext(suite, key);
        receiver = new SrtpContext(suite, key);
        packet[0] = (byte) 0x80;
        packet[11] = 0x42;
        // a pooled direct buffer, as a socket read hands the relay
        direct = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
    }

    @TearDown
    public void tearDown() {
        direct.release();
    }

    /** Unprotects one packet of a batch protected beforehand with consecutive sequence numbers. */
    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public int unprotect(Batch batch) {
        int sum = 0;
        for (int i = 0; i < Batch.SIZE; i++) {
            int r = receiver.unprotectRtp(batch.packets[i], 0, batch.lengths[i]);
            if (r != PACKET_BYTES) {
                throw new IllegalStateException("packet " + i + " refused: " + r + " length " + batch.lengths[i]);
            }
            sum += r;
        }
        return sum;
    }

    /** Packets protected by the benchmark's sender before each invocation of {@link #unprotect}. */
    @State(Scope.Thread)
    public static class Batch {
        static final int SIZE = 1024;
        final byte[][] packets = new byte[SIZE][PACKET_BYTES + 64];
        final int[] lengths = new int[SIZE];

        @Setup(Level.Invocation)
        public void protectNext(SrtpBenchmark b) {
            for (int i = 0; i < SIZE; i++) {
                byte[] p = packets[i];
                System.arraycopy(b.packet, 0, p, 0, PACKET_BYTES);
                b.nextSeq(p);
                lengths[i] = b.sender.protectRtp(p, 0, PACKET_BYTES);
            }
        }
    }

    /** Protects one packet held in a byte array. */
    @Benchmark
    public int protect() {
        nextSeq(packet);
        return sender.protectRtp(packet, 0, PACKET_BYTES);
    }

    /** Protects one packet, then the peer unprotects it: what a relay does for a call between two SRTP legs. */
    @Benchmark
    public int roundTrip() {
        nextSeq(packet);
        int length = sender.protectRtp(packet, 0, PACKET_BYTES);
        if (receiver.unprotectRtp(packet, 0, length) != PACKET_BYTES) {
            throw new IllegalStateException("the packet was refused");
        }
        return length;
    }

    /** Protects one packet in a pooled direct buffer (through the context's reused heap copy). */
    @Benchmark
    public int protectDirectByteBuf() {
        direct.clear().writeBytes(packet, 0, PACKET_BYTES);
        direct.setShort(2, ++seq);
        return sender.protectRtp(direct);
    }

    private void nextSeq(byte[] p) {
        seq++;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
    }
}
