package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.rtp.UdpPhone;

/**
 * Three phones on real sockets in one mixer, each sending its own tone: each hears the other two, not itself; a muted
 * one is heard by nobody; with one talker allowed only the loudest is heard, and the room's recording holds it.
 */
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
        List<MediaEndpoint> seats = seat(mixer);
        assertThat(mixer.size().join()).isEqualTo(3);

        talk(seats, 0.2, 0.2, 0.2);

        for (int p = 0; p < 3; p++) {
            short[] heard = heardBy(phones.get(p));
            for (int q = 0; q < 3; q++) {
                // over the last 20 frames: on a loaded machine some ticks miss a party's frame, so a share of
                // about 0.5 each can dip; hearing oneself would put a third of the energy at one's own tone
                double power = power(heard, q);
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

    @Test
    void aMutedPartyHearsTheOthersAndNobodyHearsIt() throws Exception {
        Mixer mixer = endpoints.newMixer("room");
        List<MediaEndpoint> seats = seat(mixer);
        mixer.mute(seats.get(0), true);

        talk(seats, 0.2, 0.2, 0.2);

        short[] third = heardBy(phones.get(2));
        assertThat(power(third, 0)).as("phone 2 hears muted phone 0").isLessThan(0.02);
        assertThat(power(third, 1)).as("phone 2 hears phone 1 alone").isGreaterThan(0.6);
        short[] first = heardBy(phones.get(0));
        assertThat(power(first, 1)).as("muted phone 0 hears phone 1").isGreaterThan(0.1);
        assertThat(power(first, 2)).as("muted phone 0 hears phone 2").isGreaterThan(0.1);
        mixer.close().join();
    }

    @Test
    void withOneTalkerOnlyTheLoudestIsMixedAndTheRoomIsRecorded() throws Exception {
        Mixer mixer = endpoints.newMixer("room");
        List<MediaEndpoint> seats = seat(mixer);
        mixer.limitTalkers(1);
        PcmCollector room = new PcmCollector();
        mixer.record(room);

        talk(seats, 0.4, 0.05, 0);

        short[] third = heardBy(phones.get(2));
        assertThat(power(third, 0)).as("phone 2 hears the loudest, phone 0").isGreaterThan(0.6);
        assertThat(power(third, 1)).as("phone 2 does not hear quiet phone 1").isLessThan(0.02);
        short[] second = heardBy(phones.get(1));
        assertThat(power(second, 0)).as("quiet phone 1 hears phone 0").isGreaterThan(0.6);
        mixer.stopRecording().join();
        short[] recorded = room.samples();
        assertThat(recorded.length).as("the room's recording").isGreaterThan(FRAMES / 2 * FRAME);
        short[] middle = Arrays.copyOfRange(recorded, recorded.length / 2 - 20 * FRAME / 2,
                recorded.length / 2 + 20 * FRAME / 2);
        assertThat(power(middle, 0)).as("the recording holds the talker").isGreaterThan(0.6);
        mixer.close().join();
    }

    /** Opens one endpoint per phone and seats it in {@code mixer}. */
    private List<MediaEndpoint> seat(Mixer mixer) {
        List<MediaEndpoint> seats = new ArrayList<>();
        for (UdpPhone phone : phones) {
            MediaEndpoint endpoint = endpoints.open("party", new EventLog(), Runnable::run).join();
            endpoint.setRemote(RemoteMedia.pcmu(phone.address()));
            mixer.join(endpoint);
            seats.add(endpoint);
        }
        mixer.size().join();
        // the seat reaches each endpoint on its own loop after the mixer's; a task behind it is a barrier
        seats.forEach(e -> e.stats().join());
        return seats;
    }

    /** Each phone sends its tone at {@code levels[p]} of full scale for {@link #FRAMES} frames; 0 sends nothing. */
    private void talk(List<MediaEndpoint> seats, double... levels) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            if (levels[p] == 0) {
                continue;
            }
            UdpPhone phone = phones.get(p);
            MediaEndpoint seat = seats.get(p);
            ToneGenerator tone = new ToneGenerator(TONES[p], levels[p], 8000);
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
    }

    private static double power(short[] heard, int tone) {
        return new Goertzel(TONES[tone], 8000).relativePower(heard, 0, heard.length);
    }

    /** A recording sink keeping everything in memory (written on the mixer's loop, read after finish). */
    private static final class PcmCollector implements RecordingSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(short[] pcm, int length) {
            for (int i = 0; i < length; i++) {
                bytes.write(pcm[i] & 0xff);
                bytes.write((pcm[i] >> 8) & 0xff);
            }
        }

        @Override
        public CompletableFuture<Void> finish() {
            return CompletableFuture.completedFuture(null);
        }

        synchronized short[] samples() {
            byte[] b = bytes.toByteArray();
            short[] out = new short[b.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            }
            return out;
        }
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
