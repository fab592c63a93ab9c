package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.ForwardReason;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The voicemail module as a node wires it, on each engine: the start sweeps audio a crash left
 * without a row, the box and its audio follow a renumbered extension, and a deleted extension's
 * box, messages and folder go, the dial plan's last resort following each change.
 */
class VoicemailModuleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BothEngines
    void boxesFollowTheirExtensionsAndTheStartSweepsOrphanAudio(TestDatabase database) throws IOException {
        SwitchboardConfig config = config(database);
        Stores stores = StoreWiring.open(config.database());
        Features features = FeatureWiring.build(stores, config, new SimpleMeterRegistry(), Clock.systemUTC());
        VoicemailService voicemail = features.voicemail();
        try (Housekeeping housekeeping = new Housekeeping()) {
            features.extensions().create(input("1001"), "test");
            Path kept = Files.write(voicemail.newRecording("1001"), new byte[] {1, 2, 3});
            VoicemailMessage message = voicemail.deposit("1001", kept, "1002", "Bob", Instant.now(), Duration.ofSeconds(1));
            Path crashed = Files.write(voicemail.newRecording("1001"), new byte[] {4});

            FeatureWiring.start(List.of(new ExtensionModule(features.extensions(), List.of()),
                    new VoicemailModule(voicemail, Prompts.SYSTEM, Clock.systemUTC())), features.events(), housekeeping);

            assertThat(crashed).as("a recording without a row, removed at start").doesNotExist();
            assertThat(kept).startsWith(config.dataDir().resolve("voicemail")).exists();
            assertThat(voicemail.lastResort().forExtension("1001", ForwardReason.NO_ANSWER))
                    .contains(new Destination("voicemail", "1001"));

            features.extensions().update("1001", new ExtensionInput("1009", "Ext 1009", "password-1009", null, null, false,
                    true), "test");
            await("the last resort follows the new number").atMost(WAIT)
                    .until(() -> voicemail.lastResort().isEnabled("1009") && !voicemail.lastResort().isEnabled("1001"));
            assertThat(voicemail.audio("1009", message.id())).contains(kept);
            assertThat(kept).exists();

            features.extensions().delete("1009", "test");

            await("the deleted extension's folder is removed").atMost(WAIT).until(() -> !Files.exists(kept.getParent()));
            assertThat(voicemail.lastResort().isEnabled("1009")).isFalse();
            assertThat(voicemail.box("1009")).isEmpty();
        } finally {
            features.events().close();
            features.cdrRecorder().close();
            stores.close();
        }
    }

    private static ExtensionInput input(String number) {
        return new ExtensionInput(number, "Ext " + number, "password-" + number, null, null, false, true);
    }

    private SwitchboardConfig config(TestDatabase database) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, "sip: {domain: pbx.test}\n");
        return new ConfigLoader(Map.of(
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString(),
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password())).load(file, true);
    }
}
