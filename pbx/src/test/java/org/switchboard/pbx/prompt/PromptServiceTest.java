package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.prompt.JdbiPromptStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Uploaded prompts on a real database and a real folder, both engines: what calls hear, and what survives a restart. */
class PromptServiceTest {
    @TempDir
    Path folder;

    private PromptService service(Database db) {
        PromptService s = new PromptService(new JdbiPromptStore(db), folder, Clock.systemUTC(), new EventBus());
        s.reloadCache();
        return s;
    }

    /** A mono 16-bit WAV of {@code millis} of a steady level at {@code rate}. */
    static byte[] wav(int rate, int channels, int millis) {
        short[] samples = new short[rate * millis / 1000 * channels];
        java.util.Arrays.fill(samples, (short) 1000);
        return WavFile.write(new PcmAudio(rate, channels, samples));
    }

    @BothEngines
    void anUploadReplacesTheShippedPromptUntilItIsDeleted(TestDatabase db) {
        PromptService s = service(db.database());
        AudioClip shipped = SystemPrompts.get("welcome");

        PromptInfo info = s.upload("welcome", wav(16000, 1, 1500), "test");

        assertThat(info).isEqualTo(new PromptInfo("welcome", true, true, Duration.ofMillis(1500)));
        assertThat(s.get("welcome").duration()).as("16 kHz decoded to 8 kHz, same length").isEqualTo(Duration.ofMillis(1500));
        assertThat(s.audio("welcome")).isEqualTo(wav(16000, 1, 1500));

        s.delete("welcome", "test");

        assertThat(s.get("welcome").duration()).isEqualTo(shipped.duration());
        assertThat(s.list()).filteredOn(p -> p.name().equals("welcome")).singleElement()
                .extracting(PromptInfo::uploaded).isEqualTo(false);
        assertThatThrownBy(() -> s.delete("welcome", "test")).as("nothing uploaded any more").isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void uploadsSurviveARestartAndAReplacedFileIsRemoved(TestDatabase db) throws IOException {
        PromptService s = service(db.database());
        s.upload("main-greeting", wav(8000, 1, 700), "test");
        s.upload("main-greeting", wav(8000, 1, 2000), "test");
        s.upload("sales", wav(16000, 1, 400), "test");
        s.upload("gone", wav(8000, 1, 300), "test");
        s.delete("gone", "test");

        PromptService restarted = service(db.restart());

        assertThat(restarted.get("main-greeting").duration()).isEqualTo(Duration.ofMillis(2000));
        assertThat(restarted.get("sales").duration()).isEqualTo(Duration.ofMillis(400));
        assertThat(restarted.exists("gone")).isFalse();
        assertThat(restarted.list()).filteredOn(PromptInfo::uploaded).extracting(PromptInfo::name)
                .containsExactly("main-greeting", "sales");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("one file per uploaded prompt").hasSize(2);
        }
    }

    @BothEngines
    void whatCallsCannotPlayIsRefusedNamingTheProblem(TestDatabase db) {
        PromptService s = service(db.database());

        assertThatThrownBy(() -> s.upload("x", wav(8000, 2, 500), "test")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "body").hasMessageContaining("mono");
        assertThatThrownBy(() -> s.upload("x", wav(44100, 1, 500), "test")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("44100");
        assertThatThrownBy(() -> s.upload("x", "ID3 not a wav".getBytes(), "test")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("RIFF");
        assertThatThrownBy(() -> s.upload("x", wav(8000, 1, 0), "test")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no audio");
        assertThatThrownBy(() -> s.upload("Bad Name", wav(8000, 1, 100), "test")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "name");
        assertThat(folder).isEmptyDirectory();
        assertThat(s.list()).noneMatch(PromptInfo::uploaded);
    }

    @BothEngines
    void anUnknownNameIsNoPrompt(TestDatabase db) {
        PromptService s = service(db.database());

        assertThat(s.exists("no-such-prompt")).isFalse();
        assertThatThrownBy(() -> s.get("no-such-prompt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.audio("no-such-prompt")).isInstanceOf(NotFoundException.class);
    }
}
