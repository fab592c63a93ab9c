package org.switchboard.pbx.moh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.callsettings.CallSettings;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.moh.JdbiMohStore;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.moh.PlayOrder;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** MohService over a real SQLite file and real files in a temporary data directory. */
class MohServiceTest {
    private static final int FRAME = 160;

    @TempDir
    Path dir;

    private TestDatabase db;
    private MohService moh;
    private final Map<String, String> chosen = new HashMap<>(); // extension -> class, as call settings say

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        moh = new MohService(new JdbiMohStore(db.database()), dir.resolve("moh"), this::settings, new EventBus(),
                Clock.systemUTC(), new SimpleMeterRegistry());
        moh.seed(List.of(new NewMohClass("jazz", null, PlayOrder.SEQUENTIAL)), "test");
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private CallSettings settings(String number) {
        return new CallSettings(number, new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF, 20, false,
                chosen.get(number)), null, null);
    }

    private static byte[] tone(double hz, int rateHz, int channels, Duration length) {
        int n = (int) (length.toMillis() * rateHz / 1000);
        short[] mono = new ToneGenerator(hz, 0.4, rateHz).next(n);
        short[] interleaved = new short[n * channels];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                interleaved[i * channels + c] = mono[i];
            }
        }
        return WavFile.write(new PcmAudio(rateHz, channels, interleaved));
    }

    private static short[] read(AudioSource source, long fromTick, int frames) {
        short[] out = new short[frames * FRAME];
        short[] frame = new short[FRAME];
        for (int f = 0; f < frames; f++) {
            assertThat(source.read(frame, fromTick + f)).isTrue();
            System.arraycopy(frame, 0, out, f * FRAME, FRAME);
        }
        return out;
    }

    private static double share(double hz, short[] pcm) {
        return new Goertzel(hz, AudioClip.SAMPLE_RATE).relativePower(pcm, 0, pcm.length);
    }

    @Test
    void twoHeldPartiesOfOneClassGetTheSameFramesAtTheSameTickFromOneDecodedCopy() throws IOException {
        moh.upload("jazz", "a.wav", tone(700, 8000, 1, Duration.ofSeconds(3)), "test");
        chosen.put("1001", "jazz");
        chosen.put("1002", "jazz");
        AudioSource early = moh.forHold("1001").orElseThrow();
        read(early, 1000, 37);
        // the files are gone from disk: a listener made now can only be fed from the copy decoded at upload
        try (Stream<Path> files = Files.walk(dir.resolve("moh/jazz"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.delete(f);
            }
        }
        AudioSource late = moh.forHold("1002").orElseThrow();

        short[] fromEarly = read(early, 1037, 50);
        short[] fromLate = read(late, 1037, 50);

        assertThat(fromLate).as("the late listener joins at the shared position").isEqualTo(fromEarly);
        assertThat(share(700, fromLate)).isGreaterThan(0.9);
    }

    @Test
    void anExtensionHearsItsClassAndOthersTheDefaultTune() {
        moh.upload("jazz", "a.wav", tone(700, 16000, 1, Duration.ofSeconds(2)), "test");
        chosen.put("1001", "jazz");

        short[] jazz = read(moh.forHold("1001").orElseThrow(), 0, 50);
        short[] other = read(moh.forHold("1002").orElseThrow(), 0, 50);

        assertThat(share(700, jazz)).as("16 kHz upload decimated to 8 kHz, 700 Hz").isGreaterThan(0.9);
        assertThat(share(700, other)).as("1002 has no class: the generated default tune").isLessThan(0.1);
        assertThat(moh.files("default")).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("switchboard-tune.wav");
            assertThat(f.duration()).isGreaterThan(Duration.ofSeconds(15));
        });
    }

    @Test
    void aClassWithoutFilesPlaysTheDefaultClass() {
        chosen.put("1001", "jazz");

        short[] heard = read(moh.forHold("1001").orElseThrow(), 0, 100);
        short[] defaults = read(moh.forHold("1002").orElseThrow(), 0, 100);

        assertThat(heard).isEqualTo(defaults);
    }

    @Test
    void partiesAlreadyHeldHearANewUploadFromTheNextFrameAndFilesPlayInSequence() {
        moh.upload("jazz", "a.wav", tone(700, 8000, 1, Duration.ofSeconds(1)), "test");
        chosen.put("1001", "jazz");
        AudioSource held = moh.forHold("1001").orElseThrow();
        assertThat(share(700, read(held, 0, 50))).isGreaterThan(0.9);

        moh.upload("jazz", "b.wav", tone(1300, 8000, 1, Duration.ofSeconds(1)), "test");

        assertThat(share(700, read(held, 0, 50))).as("first second: a.wav").isGreaterThan(0.9);
        assertThat(share(1300, read(held, 50, 50))).as("next second: b.wav").isGreaterThan(0.9);
        assertThat(share(700, read(held, 100, 50))).as("then the loop starts again").isGreaterThan(0.9);

        moh.deleteFile("jazz", "a.wav", "test");
        assertThat(share(1300, read(held, 0, 50))).isGreaterThan(0.9);
    }

    @Test
    void audioThatIsNotMonoPcmAt8or16kHzIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> moh.upload("jazz", "s.wav", tone(700, 8000, 2, Duration.ofSeconds(1)), "t"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "body")
                .hasMessageContaining("mono");
        assertThatThrownBy(() -> moh.upload("jazz", "r.wav", tone(700, 22050, 1, Duration.ofSeconds(1)), "t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("22050");
        assertThatThrownBy(() -> moh.upload("jazz", "g.wav", "not audio".getBytes(), "t"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "body");
        assertThat(moh.files("jazz")).isEmpty();
        assertThat(dir.resolve("moh/jazz")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void theDefaultClassCannotBeDeletedAndADeletedClassLeavesNoFiles() {
        moh.upload("jazz", "a.wav", tone(700, 8000, 1, Duration.ofSeconds(1)), "test");

        assertThatThrownBy(() -> moh.delete("default", "t")).isInstanceOf(ConflictException.class);
        moh.delete("jazz", "t");

        assertThat(dir.resolve("moh/jazz")).doesNotExist();
        assertThat(moh.list()).extracting(c -> c.name()).containsExactly("default");
    }

    @Test
    void aRestartedNodeDecodesEveryClassFromTheDataDirectory() {
        moh.upload("jazz", "a.wav", tone(700, 8000, 1, Duration.ofSeconds(1)), "test");
        chosen.put("1001", "jazz");

        MohService restarted = new MohService(new JdbiMohStore(db.restart()), dir.resolve("moh"), this::settings,
                new EventBus(), Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(restarted.forHold("1001")).as("nothing plays before the cache is loaded").isEmpty();
        restarted.reloadCache();

        assertThat(share(700, read(restarted.forHold("1001").orElseThrow(), 0, 50))).isGreaterThan(0.9);
    }
}
