package org.switchboard.server.wiring;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Direct dialling at a menu follows extensions as they are added, disabled and deleted, on each engine. */
class IvrModuleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BothEngines
    void theNumbersDirectDiallingKnowsFollowEveryExtensionChange(TestDatabase database) throws IOException {
        SwitchboardConfig config = config(database);
        Stores stores = StoreWiring.open(config.database());
        Features features = FeatureWiring.build(stores, config, new SimpleMeterRegistry(), Clock.systemUTC());
        IvrModule ivr = IvrModule.of(features.attendant(), features.prompts(), features.extensions());
        try (Housekeeping housekeeping = new Housekeeping()) {
            features.extensions().create(input("1001", true), "test");
            FeatureWiring.start(List.of(new ExtensionModule(features.extensions(), List.of()), ivr), features.events(),
                    housekeeping);
            await("loaded at start").atMost(WAIT).until(() -> ivr.numbers().isNumber("1001"));

            features.extensions().create(input("1002", true), "test");
            await("an added extension").atMost(WAIT).until(() -> ivr.numbers().isNumber("1002"));
            features.extensions().update("1001", input("1001", false), "test");
            await("a disabled extension").atMost(WAIT).until(() -> !ivr.numbers().isNumber("1001"));
            features.extensions().delete("1002", "test");
            await("a deleted extension").atMost(WAIT).until(() -> !ivr.numbers().isNumber("1002"));
        } finally {
            features.events().close();
            features.cdrRecorder().close();
            stores.close();
        }
    }

    private static ExtensionInput input(String number, boolean enabled) {
        return new ExtensionInput(number, "Ext " + number, "password-" + number, null, null, false, enabled);
    }

    private SwitchboardConfig config(TestDatabase database) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, "sip: {domain: pbx.test}\n");
        return new ConfigLoader(Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_DATA_DIR", dir.toString())).load(file, true);
    }
}
