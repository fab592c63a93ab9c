package org.switchboard.bench.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * receiver needs a fresh packet for every operation. Hence {@code unprotect} is measured as {@code roundTrip}
 * (protect, then unprotect by the peer's context) and reported beside {@code protect}. Run with
 * {@code -prof gc}: every operation should allocate ~0 B.
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
        SrtpMasterKey key = SrtpMasterKey.generate(new SecureRandom());
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

    /** Protects one packet held in a byte array. */
    @Benchmark
    public int protect() {
        nextSeq(packet);
        return sender.protectRtp(packet, 0, PACKET_BYTES);
    }

    /** Protects one packet, then the peer unprotects it: {@code unprotect} = this minus {@code protect}. */
    @Benchmark
    public int roundTrip() {
        nextSeq(packet);
        int length = sender.protectRtp(packet, 0, PACKET_BYTES);
        return receiver.unprotectRtp(packet, 0, length);
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
