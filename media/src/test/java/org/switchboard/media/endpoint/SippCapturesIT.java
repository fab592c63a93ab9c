package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.rtp.UdpPhone;
import org.switchboard.media.sdp.Codec;

/** Packets captured from real phones, as SIPp replays them (Debian's sip-tester captures), sent to an endpoint. */
class SippCapturesIT {
    private final UdpPhone phone = new UdpPhone();
    private final RtpRelay relay;
    private final MediaEndpoints endpoints;
    private final EventLog events = new EventLog();

    @TempDir
    Path dir;

    SippCapturesIT() {
        relay = LoopbackRelay.start(20, Duration.ofSeconds(30), 1);
        endpoints = new MediaEndpoints(relay);
    }

    @AfterEach
    void stop() {
        phone.close();
        endpoints.close();
        relay.close();
    }

    private MediaEndpoint open(RemoteMedia media) {
        MediaEndpoint endpoint = endpoints.open("sipp", events, Runnable::run).join();
        endpoint.setRemote(media);
        endpoint.stats().join();
        return endpoint;
    }

    @Test
    void everyRfc4733CaptureOfSippIsOnePress() {
        MediaEndpoint endpoint = open(RemoteMedia.pcmu(phone.address()));
        // the captures come from one call (one SSRC): sent in timestamp order, as that phone sent them
        List<String> names = new ArrayList<>(List.of("0", "1", "2", "3", "4", "6", "7", "9", "star", "pound"));
        names.sort(Comparator.comparingLong(name -> timestamp(PcapRtp.sippCapture("dtmf_2833_" + name + ".pcap"))));
        for (String name : names) {
            // each capture repeats its press's end packet three times, some sequence numbers skipped
            for (byte[] packet : PcapRtp.sippCapture("dtmf_2833_" + name + ".pcap")) {
                phone.send(endpoint.localRtp(), packet);
            }
            String digit = name.equals("star") ? "*" : name.equals("pound") ? "#" : name;
            assertThat(events.next()).isEqualTo("dtmf " + digit + " RFC4733");
        }
        assertThat(events.nextWithin(300)).isEqualTo("none");
    }

    @Test
    void aPcmaCaptureWith30msPacketsIsRecordedSampleForSample() throws IOException {
        List<byte[]> packets = PcapRtp.sippCapture("g711a.pcap");
        MediaEndpoint endpoint = open(new RemoteMedia(Optional.of(phone.address()), 8, Codec.PCMA, Optional.empty()));
        Path file = dir.resolve("g711a.wav");
        endpoint.record(new WavRecorder(file), RecordOptions.UNLIMITED);
        endpoint.stats().join();
        for (int at = 0; at < packets.size(); at++) {
            phone.send(endpoint.localRtp(), packets.get(at));
            if (at % 20 == 19 || at == packets.size() - 1) {
                // a burst of the whole capture would overflow the socket's receive buffer; and 600 ms of audio
                // per 300 ms keeps well within the recorder's 4 s ring, which its writer drains every 100 ms
                for (int i = 0; i < 200 && endpoint.stats().join().rtp().packetsIn() <= at; i++) {
                    sleep(10);
                }
                sleep(300);
            }
        }
        endpoint.stopRecording();
        RecordingResult result = events.recording();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.droppedSamples()).isZero();

        // the jitter buffer holds back nothing of an in-order stream: every payload, decoded, in order
        int payload = packets.getFirst().length - 12;
        short[] expected = new short[packets.size() * payload];
        for (int i = 0; i < packets.size(); i++) {
            ALaw.decode(packets.get(i), 12, expected, i * payload, payload);
        }
        short[] recorded = WavFile.read(Files.readAllBytes(file)).samples();
        assertThat(recorded).hasSameSizeAs(expected);
        assertThat(recorded).isEqualTo(expected);
        int peak = 0;
        for (short s : expected) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).as("the capture holds sound").isGreaterThan(1000);
    }

    private static long timestamp(List<byte[]> packets) {
        return ByteBuffer.wrap(packets.getFirst()).getInt(4) & 0xFFFF_FFFFL;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
