package org.switchboard.bench.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.media.rtp.LatchingRule;
import org.switchboard.media.rtp.OutgoingStream;
import org.switchboard.media.rtp.RelayHandler;
import org.switchboard.media.rtp.RelayStream;
import org.switchboard.media.rtp.RtpPacket;

/**
 * The relay's per-packet path: latch check and counters on leg A, the header rewritten onto leg B's one outgoing
 * stream (after a switch of source, so with offsets), then the uncopied buffer written to leg B's socket (an {@link
 * EmbeddedChannel} standing in for the UDP channel) and released once "sent". Each operation
 * takes a fresh buffer from Netty's default allocator, as a socket read does. Run with {@code -prof gc}: the
 * allocation per operation should be ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// Leak detection samples allocations and records them; production runs it at most at "simple". The benchmark
// threads are Netty FastThreadLocalThreads like the rtp-io event loops (see EventLoopThreadExecutor).
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dio.netty.leakDetection.level=disabled",
            "-Djmh.executor=CUSTOM",
            "-Djmh.executor.class=org.switchboard.bench.media.EventLoopThreadExecutor"
        })
public class RelayHandlerBenchmark {
    private static final int PACKET_BYTES = 172; // 20 ms of G.711 plus the RTP header

    private final InetSocketAddress phoneA = new InetSocketAddress("127.0.0.1", 40000);
    private final InetSocketAddress phoneB = new InetSocketAddress("127.0.0.1", 40002);
    private final byte[] template = new byte[PACKET_BYTES];
    private EmbeddedChannel socketB;
    private RelayStream legB;
    private RelayHandler handler;

    @Setup
    public void setUp() {
        ByteBuf header = io.netty.buffer.Unpooled.wrappedBuffer(template).clear();
        RtpPacket.writeHeader(header, false, 0, 1, 160, 0xCAFE);
        RelayStream legA = new RelayStream("bench A rtp", LatchingRule.DEFAULT, Ticker.systemTicker(),
                new OutgoingStream());
        legB = new RelayStream("bench B rtp", LatchingRule.DEFAULT, Ticker.systemTicker(), new OutgoingStream());
        socketB = new EmbeddedChannel();
        legB.attach(socketB);
        legB.signal(phoneB);
        handler = new RelayHandler(legA, legB);
        // a prompt went to B first, so A's packets are rewritten onto B's stream (non-zero offsets), as after any
        // switch of source
        ByteBuf prompt = ByteBufAllocator.DEFAULT.directBuffer(PACKET_BYTES);
        RtpPacket.writeHeader(prompt, false, 0, 5000, 90000, 0xBEEF);
        legB.send(prompt.writeZero(PACKET_BYTES - RtpPacket.FIXED_HEADER_LENGTH));
        legB.flushIfPending();
        ReferenceCountUtil.release(socketB.readOutbound());
    }

    @TearDown
    public void tearDown() {
        socketB.finishAndReleaseAll();
    }

    /** One RTP packet from phone A relayed towards phone B. */
    @Benchmark
    public Object relayOnePacket() {
        ByteBuf received = ByteBufAllocator.DEFAULT.directBuffer(PACKET_BYTES);
        received.writeBytes(template);
        handler.relay(phoneA, received);
        legB.flushIfPending();
        Object sent = socketB.readOutbound();
        ReferenceCountUtil.release(sent);
        return sent;
    }

    /** The same packet written the obvious way, a new {@link DatagramPacket} per packet: the baseline. */
    @Benchmark
    public Object writeNewDatagramPacket() {
        ByteBuf received = ByteBufAllocator.DEFAULT.directBuffer(PACKET_BYTES);
        received.writeBytes(template);
        socketB.writeAndFlush(new DatagramPacket(received, phoneB), socketB.voidPromise());
        Object sent = socketB.readOutbound();
        ReferenceCountUtil.release(sent);
        return sent;
    }
}
