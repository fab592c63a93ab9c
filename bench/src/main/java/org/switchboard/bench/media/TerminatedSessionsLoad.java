package org.switchboard.bench.media;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.MediaEndpoint;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.media.endpoint.MediaEventListener;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.endpoint.SharedSource;
import org.switchboard.media.endpoint.WavRecorder;
import org.switchboard.media.rtp.LatchingRule;
import org.switchboard.media.rtp.RelaySettings;
import org.switchboard.media.rtp.RelayTransport;
import org.switchboard.media.rtp.RtpRelay;

/**
 * Concurrent PBX-terminated sessions on 127.0.0.1: half play music to a receiver (attendant prompts, hold), half
 * record a stream a generator sends them (voicemail) to WAV files. Reports the packet-interval jitter and loss of
 * the PBX's own streams as the receiver sees them, the recordings' loss, the CPU of the {@code rtp-io-} and
 * {@code media-clock} threads per stream, and heap per session.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.switchboard.bench.media.TerminatedSessionsLoad SESSIONS
 * SECONDS [IO_THREADS]}. The receiver and the generator run in the same process (one platform thread each), so
 * the machine's load shows in the figures: read them beside the load average printed.
 */
public final class TerminatedSessionsLoad {
    private static final int FRAME = 160;
    /** Inter-arrival histogram: 0.1 ms buckets up to 200 ms. */
    private static final int BUCKETS = 2000;

    private TerminatedSessionsLoad() {}

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int ioThreads = args.length > 2 ? Integer.parseInt(args[2])
                : RelaySettings.defaultIoThreads(Runtime.getRuntime().availableProcessors());
        int players = sessions / 2;
        int recorders = sessions - players;
        Path dir = Files.createTempDirectory("sb-load");

        RtpRelay relay = new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), 30000, 30000 + 4 * sessions + 64,
                Duration.ofSeconds(60), LatchingRule.DEFAULT, RelayTransport.best(), ioThreads));
        MediaEndpoints endpoints = new MediaEndpoints(relay);
        DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET)
                .setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatagramChannel generator = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress receiverAddress = (InetSocketAddress) receiver.getLocalAddress();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        SharedSource music = new SharedSource(AudioClip.tone(400, 0.3, Duration.ofSeconds(5)));
        List<MediaEndpoint> playing = new ArrayList<>();
        List<MediaEndpoint> recording = new ArrayList<>();
        CountDownLatch recordingsDone = new CountDownLatch(recorders);
        AtomicLong recordedSamples = new AtomicLong();
        AtomicLong failedRecordings = new AtomicLong();
        MediaEventListener recordListener = new MediaEventListener() {
            @Override
            public void onRecordingFinished(RecordingResult result) {
                recordedSamples.addAndGet(result.samples());
                if (!result.succeeded()) {
                    failedRecordings.incrementAndGet();
                }
                recordingsDone.countDown();
            }
        };
        for (int i = 0; i < sessions; i++) {
            boolean player = i < players;
            MediaEndpoint e = endpoints.open("load-" + i, player ? new MediaEventListener() {} : recordListener,
                    Runnable::run).join();
            e.setRemote(RemoteMedia.pcmu(player ? receiverAddress : (InetSocketAddress) generator.getLocalAddress()));
            if (player) {
                e.play(music.listener());
                playing.add(e);
            } else {
                e.record(new WavRecorder(dir.resolve("rec-" + i + ".wav")), RecordOptions.UNLIMITED);
                recording.add(e);
            }
        }
        System.gc();
        long heapPerSession = (memory.getHeapMemoryUsage().getUsed() - heapBefore) / sessions;

        Receiver rx = new Receiver(receiver, seconds);
        Thread receiving = Thread.ofPlatform().name("load-receiver").start(rx);
        Thread generating = Thread.ofPlatform().name("load-generator").start(() -> generate(generator, recording, seconds));
        Map<String, Long> cpuBefore = mediaCpu();
        long skippedBefore = endpoints.clock().skippedTicks();
        long wallStart = System.nanoTime();
        receiving.join();
        generating.join();
        long wall = System.nanoTime() - wallStart;
        Map<String, Long> cpuAfter = mediaCpu();
        long skipped = endpoints.clock().skippedTicks() - skippedBefore;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        for (MediaEndpoint e : recording) {
            e.stopRecording();
        }
        recordingsDone.await();
        for (MediaEndpoint e : playing) {
            e.close().join();
        }
        for (MediaEndpoint e : recording) {
            e.close().join();
        }
        endpoints.close();
        relay.close();

        long cpu = cpuAfter.values().stream().mapToLong(Long::longValue).sum()
                - cpuBefore.values().stream().mapToLong(Long::longValue).sum();
        long sentFrames = (long) recorders * GENERATED.get();
        System.out.printf("sessions=%d (players=%d recorders=%d) seconds=%d io_threads=%d load_avg=%.1f%n",
                sessions, players, recorders, seconds, ioThreads, load);
        rx.report(players, (long) players * seconds * 50);
        System.out.printf("clock: %d loop-ticks skipped (a loop ran over 100 ms late; its streams sent nothing then)%n",
                skipped);
        System.out.printf("recordings: frames sent=%d recorded=%d loss=%.3f%% failed=%d%n", sentFrames,
                recordedSamples.get() / FRAME, 100.0 * (sentFrames - recordedSamples.get() / FRAME) / Math.max(1, sentFrames),
                failedRecordings.get());
        System.out.printf("cpu of rtp-io and media-clock threads: %.1f %% of one core, %.1f µs per stream-second%n",
                100.0 * cpu / wall, cpu / 1000.0 / (sessions * (wall / 1e9)));
        System.out.printf("heap per session (endpoint, rings, jitter buffer, recorder ring): ~%d KiB%n",
                heapPerSession / 1024);
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.delete(dir);
    }

    private static final AtomicLong GENERATED = new AtomicLong();

    /** Sends one PCMU frame to every recording endpoint every 20 ms, at absolute deadlines. */
    private static void generate(DatagramChannel out, List<MediaEndpoint> targets, int seconds) {
        short[] pcm = new ToneGenerator(1000, 0.3, 8000).next(FRAME);
        ByteBuffer packet = ByteBuffer.allocate(12 + FRAME);
        long start = System.nanoTime();
        int frames = seconds * 50;
        try {
            for (int f = 0; f < frames; f++) {
                long deadline = start + f * 20_000_000L;
                long wait;
                while ((wait = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (int t = 0; t < targets.size(); t++) {
                    packet.clear();
                    packet.put((byte) 0x80).put((byte) 0).putShort((short) f).putInt(f * FRAME).putInt(t);
                    for (short s : pcm) {
                        packet.put(MuLaw.encode(s));
                    }
                    packet.flip();
                    out.send(packet, targets.get(t).localRtp());
                }
                GENERATED.incrementAndGet();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> mediaCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("rtp-io") || info.getThreadName().equals("media-clock"))) {
                cpu.put(info.getThreadName() + info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    /** Receives the players' streams: inter-arrival histogram per packet, sequence gaps per SSRC. */
    private static final class Receiver implements Runnable {
        private final DatagramChannel in;
        private final long durationNanos;
        private final long[] histogram = new long[BUCKETS + 1];
        private final Map<Long, long[]> streams = new HashMap<>(); // ssrc -> {last arrival, last seq, packets, lost}
        private long intervals;

        Receiver(DatagramChannel in, int seconds) {
            this.in = in;
            this.durationNanos = seconds * 1_000_000_000L;
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocate(2048);
            long start = System.nanoTime();
            try {
                // blocking: a spinning receiver would take a core from the loops it measures
                while (System.nanoTime() - start < durationNanos) {
                    buf.clear();
                    in.receive(buf);
                    long now = System.nanoTime();
                    long ssrc = buf.getInt(8) & 0xFFFF_FFFFL;
                    int seq = buf.getShort(2) & 0xFFFF;
                    long[] s = streams.computeIfAbsent(ssrc, k -> new long[] {0, -1, 0, 0});
                    if (s[1] >= 0) {
                        int gap = (seq - (int) s[1]) & 0xFFFF;
                        if (gap > 1 && gap < 1000) {
                            s[3] += gap - 1;
                        }
                        histogram[(int) Math.min(BUCKETS, (now - s[0]) / 100_000)]++;
                        intervals++;
                    }
                    s[0] = now;
                    s[1] = seq;
                    s[2]++;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void report(int expectedStreams, long nominal) {
            long packets = streams.values().stream().mapToLong(s -> s[2]).sum();
            long lost = streams.values().stream().mapToLong(s -> s[3]).sum();
            System.out.printf("played streams seen=%d/%d packets=%d (%.1f%% of the nominal %d) sequence gaps=%d (%.3f%%)%n",
                    streams.size(), expectedStreams, packets, 100.0 * packets / nominal, nominal, lost,
                    100.0 * lost / Math.max(1, packets + lost));
            System.out.printf("packet interval ms: p1=%.1f p50=%.1f p99=%.1f p99.9=%.1f max=%s; within 20±2 ms: %.2f%%%n",
                    percentile(0.01), percentile(0.5), percentile(0.99), percentile(0.999),
                    histogram[BUCKETS] > 0 ? ">200" : String.format("%.1f", percentile(1.0)), withinTwo());
        }

        private double percentile(double p) {
            long target = (long) Math.ceil(p * intervals);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += histogram[i];
                if (seen >= target) {
                    return i / 10.0;
                }
            }
            return BUCKETS / 10.0;
        }

        private double withinTwo() {
            long in = 0;
            for (int i = 180; i <= 220; i++) {
                in += histogram[i];
            }
            return 100.0 * in / Math.max(1, intervals);
        }
    }
}
