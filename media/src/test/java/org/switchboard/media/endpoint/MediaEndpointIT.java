package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.rtp.UdpPhone;
import org.switchboard.media.sdp.Codec;

/** A media endpoint on real UDP sockets on 127.0.0.1, talking to a plain socket playing the phone. */
class MediaEndpointIT {
    private static final int FRAME = 160;

    private final UdpPhone phone = new UdpPhone();
    private final RtpRelay relay;
    private final MediaEndpoints endpoints;
    private final EventLog events = new EventLog();

    @TempDir
    Path dir;

    MediaEndpointIT() {
        relay = LoopbackRelay.start(20, Duration.ofSeconds(30), 2);
        endpoints = new MediaEndpoints(relay);
    }

    @AfterEach
    void stop() {
        phone.close();
        endpoints.close();
        relay.close();
    }

    private MediaEndpoint open() {
        MediaEndpoint endpoint = endpoints.open("it", events, Runnable::run).join();
        endpoint.setRemote(RemoteMedia.pcmu(phone.address()));
        // a task queued behind setRemote: once it ran, the endpoint knows its peer
        endpoint.stats().join();
        return endpoint;
    }

    @Test
    void aPlayedToneArrivesAsPacedPcmuWithRfc3550Headers() {
        MediaEndpoint endpoint = open();
        long id = endpoint.play(AudioClip.tone(1000, 0.3, Duration.ofSeconds(1)).source());

        List<ByteBuffer> packets = new ArrayList<>();
        long firstArrival = 0;
        long lastArrival = 0;
        for (int i = 0; i < 50; i++) {
            DatagramPacket p = phone.receive().orElseThrow(() -> new AssertionError("packet missing"));
            lastArrival = System.nanoTime();
            if (i == 0) {
                firstArrival = lastArrival;
            }
            packets.add(ByteBuffer.wrap(p.getData().clone(), 0, p.getLength()));
        }
        assertThat(events.next()).isEqualTo("playback " + id + " COMPLETED");

        short[] heard = new short[50 * FRAME];
        ByteBuffer first = packets.getFirst();
        for (int i = 0; i < packets.size(); i++) {
            ByteBuffer b = packets.get(i);
            assertThat(b.limit()).isEqualTo(12 + FRAME);
            assertThat(b.get(0) & 0xC0).as("version 2").isEqualTo(0x80);
            assertThat(RtpFrames.payloadType(b)).isZero();
            assertThat(RtpFrames.marker(b)).as("marker on packet %d", i).isEqualTo(i == 0);
            assertThat(RtpFrames.ssrc(b)).isEqualTo(RtpFrames.ssrc(first));
            assertThat(RtpFrames.sequence(b)).isEqualTo((RtpFrames.sequence(first) + i) & 0xFFFF);
            assertThat(RtpFrames.timestamp(b)).isEqualTo((RtpFrames.timestamp(first) + 160L * i) & 0xFFFF_FFFFL);
            RtpFrames.decodePcmu(b, heard, i * FRAME);
        }
        assertThat(new Goertzel(1000, 8000).relativePower(heard, 800, 4000)).isGreaterThan(0.9);
        // a sanity bound on pacing, deliberately loose: 49 intervals of 20 ms; the jitter is measured in bench/
        assertThat(Duration.ofNanos(lastArrival - firstArrival)).isBetween(Duration.ofMillis(600), Duration.ofMillis(4000));
    }

    @Test
    void aNewPlaybackAfterSilenceStartsATalkSpurtWithTheMarkerAndTheTimestampCountsTheSilence() {
        MediaEndpoint endpoint = open();
        endpoint.play(AudioClip.tone(1000, 0.3, Duration.ofMillis(40)).source());
        ByteBuffer a = RtpFrames.view(phone.receive().orElseThrow());
        ByteBuffer b = RtpFrames.view(phone.receive().orElseThrow());
        long aTs = RtpFrames.timestamp(a);
        int aSeq = RtpFrames.sequence(a);
        assertThat(events.next()).startsWith("playback 1 COMPLETED");
        endpoint.play(AudioClip.tone(1000, 0.3, Duration.ofMillis(20)).source());
        ByteBuffer c = RtpFrames.view(phone.receive().orElseThrow());
        assertThat(RtpFrames.marker(b)).isFalse();
        assertThat(RtpFrames.marker(c)).isTrue();
        assertThat(RtpFrames.sequence(c)).isEqualTo((aSeq + 2) & 0xFFFF);
        long gap = (RtpFrames.timestamp(c) - aTs) & 0xFFFF_FFFFL;
        assertThat(gap).as("timestamp advanced over the silent ticks").isGreaterThan(320).matches(g -> g % 160 == 0);
    }

    @Test
    void whatThePhoneSendsIsRecordedToAWavFileInOrder() throws Exception {
        MediaEndpoint endpoint = open();
        Path file = dir.resolve("message.wav");
        endpoint.record(new WavRecorder(file), RecordOptions.UNLIMITED);
        endpoint.stats().join();

        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(RtpFrames.pcmu(1000 + i, 160L * i, 0x1234, i == 0, tone.next(FRAME)));
        }
        for (int i = 0; i < 100; i++) {
            // swap neighbours every 10 packets and send every 7th twice: the jitter buffer restores the order
            int index = i % 10 == 4 ? i + 1 : i % 10 == 5 ? i - 1 : i;
            phone.send(endpoint.localRtp(), frames.get(index));
            if (i % 7 == 0) {
                phone.send(endpoint.localRtp(), frames.get(index));
            }
        }
        // the last packets wait in the jitter buffer for nothing; more frames push them out
        for (int i = 100; i < 103; i++) {
            phone.send(endpoint.localRtp(), RtpFrames.pcmu(1000 + i, 160L * i, 0x1234, false, tone.next(FRAME)));
        }
        awaitReceived(endpoint, 100 + 15 + 3);
        endpoint.stopRecording();
        RecordingResult result = events.recording();

        assertThat(result.end()).isEqualTo(RecordingEnd.STOPPED);
        assertThat(result.succeeded()).isTrue();
        PcmAudio audio = WavFile.read(Files.readAllBytes(file));
        assertThat(audio.sampleRateHz()).isEqualTo(8000);
        short[] pcm = audio.samples();
        assertThat(pcm.length).isGreaterThanOrEqualTo(100 * FRAME).isEqualTo((int) result.samples());
        // the tone is continuous only if the frames were put back in order: check every block
        Goertzel oneKilohertz = new Goertzel(1000, 8000);
        for (int at = 0; at + 400 <= pcm.length; at += 400) {
            assertThat(oneKilohertz.relativePower(pcm, at, 400)).as("block at %d", at).isGreaterThan(0.95);
        }
        EndpointStats stats = endpoint.stats().join();
        // a copy of a frame already passed on is indistinguishable from a late packet: both are dropped
        assertThat(stats.duplicates() + stats.late()).isEqualTo(15);
        assertThat(stats.framesLost()).isZero();
    }

    /** Waits until the endpoint's socket has taken {@code packets}: a burst is read over several loop turns. */
    private static void awaitReceived(MediaEndpoint endpoint, long packets) {
        for (int i = 0; i < 500 && endpoint.stats().join().rtp().packetsIn() < packets; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(endpoint.stats().join().rtp().packetsIn()).isEqualTo(packets);
    }

    @Test
    void aRecordingStopsAtItsMaximumLength() {
        MediaEndpoint endpoint = open();
        endpoint.record(new WavRecorder(dir.resolve("short.wav")), RecordOptions.limits(Duration.ofMillis(200), Duration.ZERO));
        endpoint.stats().join();
        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);
        for (int i = 0; i < 30; i++) {
            phone.send(endpoint.localRtp(), RtpFrames.pcmu(i, 160L * i, 7, false, tone.next(FRAME)));
        }
        RecordingResult result = events.recording();
        assertThat(result.end()).isEqualTo(RecordingEnd.MAX_DURATION);
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aRecordingStopsAfterTheSilenceTimeout() {
        MediaEndpoint endpoint = open();
        endpoint.record(new WavRecorder(dir.resolve("quiet.wav")), RecordOptions.limits(Duration.ZERO, Duration.ofMillis(300)));
        endpoint.stats().join();
        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);
        for (int i = 0; i < 40; i++) {
            short[] pcm = i < 10 ? tone.next(FRAME) : new short[FRAME];
            phone.send(endpoint.localRtp(), RtpFrames.pcmu(i, 160L * i, 7, false, pcm));
        }
        RecordingResult result = events.recording();
        assertThat(result.end()).isEqualTo(RecordingEnd.SILENCE);
        // 10 frames of tone, then 15 quiet frames (300 ms) end it
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rfc4733PressesFromThePhoneAreReportedOncePerPress() {
        MediaEndpoint endpoint = open();
        int seq = 0;
        for (char digit : new char[] {'5', '#'}) {
            long ts = 8000L * seq;
            int code = digit == '5' ? 5 : 11;
            for (int i = 1; i <= 5; i++) {
                phone.send(endpoint.localRtp(), RtpFrames.event(seq++, ts, 9, i == 1, code, false, 160 * i));
            }
            for (int i = 0; i < 3; i++) {
                phone.send(endpoint.localRtp(), RtpFrames.event(seq++, ts, 9, false, code, true, 800));
            }
        }
        assertThat(events.next()).isEqualTo("dtmf 5 RFC4733");
        assertThat(events.next()).isEqualTo("dtmf # RFC4733");
        assertThat(events.nextWithin(300)).isEqualTo("none");
    }

    @Test
    void tonesInTheAudioAreReportedAsInbandDigits() {
        MediaEndpoint endpoint = open();
        short[] press = AudioClip.concat(List.of(AudioClip.dtmf('7', Duration.ofMillis(100)),
                AudioClip.silence(Duration.ofMillis(100)), AudioClip.dtmf('0', Duration.ofMillis(100)),
                AudioClip.silence(Duration.ofMillis(100)))).samples();
        for (int f = 0; f < press.length / FRAME; f++) {
            short[] pcm = new short[FRAME];
            System.arraycopy(press, f * FRAME, pcm, 0, FRAME);
            phone.send(endpoint.localRtp(), RtpFrames.pcmu(f, 160L * f, 3, f == 0, pcm));
        }
        assertThat(events.next()).isEqualTo("dtmf 7 INBAND");
        assertThat(events.next()).isEqualTo("dtmf 0 INBAND");
        assertThat(events.nextWithin(300)).isEqualTo("none");
    }

    @Test
    void sentDtmfIsOneRfc4733EventWithGrowingDurationAndThreeEndPackets() {
        MediaEndpoint endpoint = open();
        endpoint.sendDtmf('9', Duration.ofMillis(100));
        List<ByteBuffer> packets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DatagramPacket p = phone.receive().orElseThrow(() -> new AssertionError("event packet missing"));
            packets.add(ByteBuffer.wrap(p.getData().clone(), 0, p.getLength()));
        }
        long ts = RtpFrames.timestamp(packets.getFirst());
        for (int i = 0; i < packets.size(); i++) {
            ByteBuffer b = packets.get(i);
            assertThat(RtpFrames.payloadType(b)).isEqualTo(101);
            assertThat(RtpFrames.timestamp(b)).isEqualTo(ts);
            assertThat(RtpFrames.marker(b)).isEqualTo(i == 0);
            assertThat(b.get(12)).as("event").isEqualTo((byte) 9);
            boolean end = (b.get(13) & 0x80) != 0;
            assertThat(end).as("E bit on packet %d", i).isEqualTo(i >= 4);
            int duration = b.getShort(14) & 0xFFFF;
            assertThat(duration).isEqualTo(Math.min(160 * (i + 1), 800));
        }
    }

    @Test
    void aSilentPeerIsReportedAsAMediaTimeout() {
        try (UdpPhone other = new UdpPhone()) {
            try (RtpRelay quick = LoopbackRelay.start(4, Duration.ofMillis(300), 1);
                    MediaEndpoints fast = new MediaEndpoints(quick)) {
                MediaEndpoint endpoint = fast.open("timeout", events, Runnable::run).join();
                endpoint.setRemote(RemoteMedia.pcmu(other.address()));
                assertThat(events.next()).isEqualTo("media timeout");
                endpoint.close().join();
            }
        }
    }

    @Test
    void closingEndsThePlaybackAndFreesThePorts() {
        MediaEndpoint endpoint = open();
        int free = relay.availablePortPairs();
        long id = endpoint.play(AudioClip.tone(1000, 0.3, Duration.ofSeconds(10)).source());
        phone.receive().orElseThrow();
        endpoint.close().join();
        assertThat(events.next()).isEqualTo("playback " + id + " CLOSED");
        assertThat(relay.availablePortPairs()).isEqualTo(free + 1);
    }

    @Test
    void withoutTelephoneEventDtmfIsSentAsItsTonePair() {
        MediaEndpoint endpoint = endpoints.open("tones", events, Runnable::run).join();
        endpoint.setRemote(new RemoteMedia(Optional.of(phone.address()), 0, Codec.PCMU, Optional.empty()));
        endpoint.stats().join();
        endpoint.sendDtmf('4', Duration.ofMillis(120));
        InbandDtmfDetector detector = new InbandDtmfDetector();
        StringBuilder heard = new StringBuilder();
        short[] pcm = new short[FRAME];
        for (int i = 0; i < 6; i++) {
            ByteBuffer b = RtpFrames.view(phone.receive().orElseThrow(() -> new AssertionError("tone packet missing")));
            assertThat(RtpFrames.payloadType(b)).isZero();
            RtpFrames.decodePcmu(b, pcm, 0);
            char d = detector.process(pcm, FRAME);
            if (d != 0) {
                heard.append(d);
            }
        }
        assertThat(heard).hasToString("4");
    }

    @Test
    void stoppingOrReplacingAPlaybackIsReportedWithItsId() {
        MediaEndpoint endpoint = open();
        long first = endpoint.play(AudioClip.tone(1000, 0.3, Duration.ofSeconds(10)).source());
        phone.receive().orElseThrow();
        long second = endpoint.play(AudioClip.tone(400, 0.3, Duration.ofSeconds(10)).source());
        assertThat(events.next()).isEqualTo("playback " + first + " REPLACED");
        endpoint.stopPlayback();
        assertThat(events.next()).isEqualTo("playback " + second + " STOPPED");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void endpointsOpenedAndClosedConcurrentlyGiveEveryPortBack() throws Exception {
        int free = relay.availablePortPairs();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int round = 0; round < 5; round++) {
                        MediaEndpoint e = endpoints.open("race", new EventLog(), Runnable::run).join();
                        e.setRemote(RemoteMedia.pcmu(phone.address()));
                        e.play(AudioClip.tone(1000, 0.3, Duration.ofMillis(100)).source());
                        e.close().join();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(relay.availablePortPairs()).isEqualTo(free);
    }
}
