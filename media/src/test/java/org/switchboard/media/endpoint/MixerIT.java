package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.rtp.UdpPhone;

/** Three phones on real sockets in one mixer, each sending its own tone: each hears the other two, not itself. */
class MixerIT {
    private static final int FRAME = 160;
    private static final int FRAMES = 75;
    private static final double[] TONES = {400, 1000, 1600};

    private final List<UdpPhone> phones = List.of(new UdpPhone(), new UdpPhone(), new UdpPhone());
    private final RtpRelay relay;
    private final MediaEndpoints endpoints;

    MixerIT() {
        // three loops: the parties sit on different loops from each other and from the mixer
        relay = LoopbackRelay.start(20, Duration.ofSeconds(30), 3);
        endpoints = new MediaEndpoints(relay);
    }

    @AfterEach
    void stop() {
        phones.forEach(UdpPhone::close);
        endpoints.close();
        relay.close();
    }

    @Test
    void eachPartyHearsTheOthersButNotItself() throws Exception {
        Mixer mixer = endpoints.newMixer("room");
        List<MediaEndpoint> seats = new ArrayList<>();
        for (UdpPhone phone : phones) {
            MediaEndpoint endpoint = endpoints.open("party", new EventLog(), Runnable::run).join();
            endpoint.setRemote(RemoteMedia.pcmu(phone.address()));
            mixer.join(endpoint);
            seats.add(endpoint);
        }
        assertThat(mixer.size().join()).isEqualTo(3);
        // the seat reaches each endpoint on its own loop after the mixer's; a task behind it is a barrier
        seats.forEach(e -> e.stats().join());

        List<Thread> senders = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            UdpPhone phone = phones.get(p);
            MediaEndpoint seat = seats.get(p);
            ToneGenerator tone = new ToneGenerator(TONES[p], 0.2, 8000);
            senders.add(Thread.ofVirtual().start(() -> {
                for (int f = 0; f < FRAMES; f++) {
                    phone.send(seat.localRtp(), RtpFrames.pcmu(f, 160L * f, 100, f == 0, tone.next(FRAME)));
                    try {
                        Thread.sleep(20); // a phone's pace; not measured
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }

        for (int p = 0; p < 3; p++) {
            short[] heard = heardBy(phones.get(p));
            for (int q = 0; q < 3; q++) {
                // over the last 20 frames: on a loaded machine some ticks miss a party's frame, so a share of
                // about 0.5 each can dip; hearing oneself would put a third of the energy at one's own tone
                double power = new Goertzel(TONES[q], 8000).relativePower(heard, 0, heard.length);
                if (q == p) {
                    assertThat(power).as("phone %d hears its own %s Hz", p, TONES[q]).isLessThan(0.02);
                } else {
                    assertThat(power).as("phone %d hears %s Hz", p, TONES[q]).isGreaterThan(0.1);
                }
            }
        }
        mixer.close().join();
        assertThat(mixer.size().join()).isZero();
    }

    /** The mix a phone received, the last frames of it, in sequence order. */
    private static short[] heardBy(UdpPhone phone) {
        List<short[]> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES - 20; i++) {
            DatagramPacket p = phone.receive().orElseThrow(() -> new AssertionError("mix packet missing"));
            short[] pcm = new short[FRAME];
            RtpFrames.decodePcmu(RtpFrames.view(p), pcm, 0);
            frames.add(pcm);
        }
        List<short[]> last = frames.subList(frames.size() - 20, frames.size());
        short[] joined = new short[last.size() * FRAME];
        for (int i = 0; i < last.size(); i++) {
            System.arraycopy(last.get(i), 0, joined, i * FRAME, FRAME);
        }
        return joined;
    }
}
