package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The caches that depend on extensions follow an extension's renumbering and deletion through the
 * event bus subscription of {@link FeatureModule#subscribe} of the dial plan and call settings modules, on each engine.
 */
class ExtensionCacheSubscriptionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final NewCallSettings BUSY_TO_1002 =
            new NewCallSettings(Forwarding.OFF, new Forwarding(true, "1002"), Forwarding.OFF, 20, false);

    @TempDir
    Path dir;

    @BothEngines
    void callSettingsFollowARenumberedExtensionAndGoWithADeletedOne(TestDatabase database) throws IOException {
        SwitchboardConfig config = config(database);
        Stores stores = StoreWiring.open(config.database());
        Features features = FeatureWiring.build(stores, config, new SimpleMeterRegistry(), Clock.systemUTC());
        try (Housekeeping housekeeping = new Housekeeping()) {
            FeatureWiring.start(List.of(new ExtensionModule(features.extensions(), List.of()),
                    new DialPlanModule(features.dialPlan()),
                    new CallSettingsModule(features.callSettings())), features.events(), housekeeping);
            features.dialPlan().create(new NewDialPlanRule(100, "internal", "[0-9]{2,10}", RuleAction.EXTENSION, "$0"), "test");
            features.extensions().create(input("1001"), "test");
            features.extensions().create(input("1002"), "test");
            features.callSettings().update("1001", BUSY_TO_1002, "test");

            features.extensions().update("1001", input("1009"), "test");

            await("call settings of the renumbered extension are found under its new number").atMost(WAIT)
                    .until(() -> features.callSettings().current("1009").values().equals(BUSY_TO_1002));
            assertThat(features.callSettings().current("1001").values()).as("nothing left under the old number")
                    .isEqualTo(NewCallSettings.DEFAULTS);

            features.extensions().delete("1009", "test");

            await("call settings of the deleted extension are gone").atMost(WAIT)
                    .until(() -> features.callSettings().current("1009").values().equals(NewCallSettings.DEFAULTS));
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
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password())).load(file, true);
    }
}
