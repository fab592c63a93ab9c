package org.switchboard.store.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiPromptStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @BothEngines
    void uploadsReplacementsAndDeletionsSurviveARestart(TestDatabase db) {
        JdbiPromptStore store = new JdbiPromptStore(db.database());
        store.save(new NewPrompt("main-greeting", "main-greeting-1.wav", 8000, Duration.ofMillis(2500), 40_044), T0);
        store.save(new NewPrompt("welcome", "welcome-1.wav", 16000, Duration.ofMillis(1200), 38_444), T0);
        store.save(new NewPrompt("sales", "sales-1.wav", 8000, Duration.ofMillis(900), 14_444), T0);
        PromptStore.Saved replaced = store.save(new NewPrompt("welcome", "welcome-2.wav", 8000, Duration.ofMillis(3000), 48_044), T1);
        store.delete("sales");

        JdbiPromptStore after = new JdbiPromptStore(db.restart());

        assertThat(replaced.replaced()).map(UploadedPrompt::fileName).contains("welcome-1.wav");
        assertThat(after.list()).extracting(UploadedPrompt::name).containsExactly("main-greeting", "welcome");
        UploadedPrompt welcome = after.find("welcome").orElseThrow();
        assertThat(welcome.fileName()).isEqualTo("welcome-2.wav");
        assertThat(welcome.sampleRateHz()).isEqualTo(8000);
        assertThat(welcome.duration()).isEqualTo(Duration.ofMillis(3000));
        assertThat(welcome.createdAt()).as("created once").isEqualTo(T0);
        assertThat(welcome.updatedAt()).isEqualTo(T1);
        assertThat(after.find("sales")).isEmpty();
    }

    @BothEngines
    void deletingAnUnknownPromptSaysThereWasNone(TestDatabase db) {
        assertThat(new JdbiPromptStore(db.database()).delete("nothing")).isEmpty();
    }

    @BothEngines
    void aNameThatCouldEscapeThePromptFolderIsRefused(TestDatabase db) {
        assertThatThrownBy(() -> new NewPrompt("../etc", "x.wav", 8000, Duration.ZERO, 0))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewPrompt("ok", "ok.wav", 44100, Duration.ZERO, 0))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "sample_rate_hz");
    }
}
