package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.rtp.LatchingRule;
import org.switchboard.media.rtp.PortPair;
import org.switchboard.media.rtp.RelayStream;
import org.switchboard.media.rtp.RtpPacket;

/**
 * The hot paths of a PBX-terminated media endpoint, with an {@link EmbeddedChannel} standing in for its UDP socket:
 * one 20 ms tick of a paced source (shared music read, G.711 encode, RTP header, pooled buffer, write), one
 * received packet (latch check, jitter buffer, G.711 decode, inband DTMF detection, recording), and one tick of a
 * three-party mixer. Run with {@code -prof gc}: each should allocate ~0 B/op.
 *
 * <p>In the endpoint's package (split across modules on the classpath) to drive its package-private tick and
 * receive methods without a clock or a socket. Threads are Netty {@code FastThreadLocalThread}s, like the
 * {@code rtp-io-} loops (see {@code EventLoopThreadExecutor}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dio.netty.leakDetection.level=disabled",
            "-Djmh.executor=CUSTOM",
            "-Djmh.executor.class=org.switchboard.bench.media.EventLoopThreadExecutor"
        })
public class EndpointBenchmark {
    private static final int FRAME = 160;
    private final InetSocketAddress phone = new InetSocketAddress("127.0.0.1", 40000);
    private final byte[] template = new byte[12 + FRAME];
    private EmbeddedChannel socket;
    private MediaEndpoint endpoint;
    private Mixer mixer;
    private MediaEndpoint[] parties;
    private final short[][] talk = new short[3][FRAME];
    private final short[] heard = new short[FRAME];
    private long tick;
    private int sequence;

    /** A sink that keeps only a count, so the benchmark measures the endpoint, not a disk. */
    private static final class CountingSink implements RecordingSink {
        long samples;

        @Override
        public void write(short[] pcm, int length) {
            samples += length;
        }

        @Override
        public CompletableFuture<Void> finish() {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Setup
    public void setUp() {
        socket = new EmbeddedChannel();
        endpoint = endpoint(socket);
        endpoint.setRemote(RemoteMedia.pcmu(phone));
        endpoint.play(new SharedSource(AudioClip.tone(400, 0.3, Duration.ofSeconds(2))).listener());
        endpoint.record(new CountingSink(), RecordOptions.UNLIMITED);
        socket.runPendingTasks();

        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);
        short[] pcm = tone.next(FRAME);
        ByteBuf header = Unpooled.wrappedBuffer(template).clear();
        RtpPacket.writeHeader(header, false, 0, 0, 0, 0xCAFE);
        MuLaw.encode(pcm, 0, template, 12, FRAME);

        mixer = new Mixer("bench", socket.eventLoop(), new LoopTicker(socket.eventLoop(), 0, new AtomicLong()));
        parties = new MediaEndpoint[3];
        for (int i = 0; i < 3; i++) {
            EmbeddedChannel partySocket = new EmbeddedChannel();
            parties[i] = endpoint(partySocket);
            mixer.join(parties[i]);
            socket.runPendingTasks();
            partySocket.runPendingTasks();
            talk[i] = new ToneGenerator(300 + 400 * i, 0.2, 8000).next(FRAME);
        }
    }

    private MediaEndpoint endpoint(EmbeddedChannel channel) {
        MediaEndpoint e = new MediaEndpoint("bench", channel.eventLoop(), new LoopTicker(channel.eventLoop(), 0, new AtomicLong()),
                Ticker.systemTicker(), Duration.ofHours(1), new MediaEventListener() {}, Runnable::run);
        RelayStream stream = new RelayStream("bench rtp", true, LatchingRule.DEFAULT, Ticker.systemTicker());
        stream.attach(channel);
        stream.signal(phone);
        e.start(new EndpointSockets() {
            @Override
            public PortPair ports() {
                return new PortPair(40000);
            }

            @Override
            public InetSocketAddress localRtp() {
                return phone;
            }

            @Override
            public boolean ownsStream() {
                return true;
            }

            @Override
            public CompletableFuture<Void> release() {
                return CompletableFuture.completedFuture(null);
            }
        }, stream);
        return e;
    }

    @TearDown
    public void tearDown() {
        socket.finishAndReleaseAll();
    }

    /** One 20 ms tick of a source playing shared music: the packet is built, written and released once "sent". */
    @Benchmark
    public Object sendOneFrame() {
        endpoint.tick(tick++, 0);
        Object sent = socket.readOutbound();
        ReferenceCountUtil.release(sent);
        return sent;
    }

    /** One received PCMU packet, in order: latch check, jitter buffer, decode, inband DTMF detection, recording. */
    @Benchmark
    public void receiveOneFrame() {
        ByteBuf received = ByteBufAllocator.DEFAULT.directBuffer(template.length);
        received.writeBytes(template);
        received.setShort(2, sequence++);
        endpoint.receive(phone, received);
    }

    /** One tick of a three-party mixer: each party's frame in, each party's mix-minus-self out. */
    @Benchmark
    public short mixThreeParties() {
        for (int i = 0; i < 3; i++) {
            mixer.partyOf(parties[i]).input().write(talk[i], FRAME);
        }
        mixer.tick(tick++, 0);
        short last = 0;
        for (int i = 0; i < 3; i++) {
            mixer.partyOf(parties[i]).output().read(heard, FRAME);
            last = heard[0];
        }
        return last;
    }
}
