package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.followme.FollowMeKind;
import org.switchboard.pbx.routing.FollowingKind;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.followme.FollowMe;
import org.switchboard.store.followme.FollowMeDestination;
import org.switchboard.store.followme.FollowMeStrategy;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The follow-me module registers kind {@code follow_me} as one the router asks for an extension's
 * list, and its cache follows extensions as they are renumbered and deleted, on each engine.
 */
class FollowMeModuleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BothEngines
    void theKindGivesAnExtensionsListAndSettingsFollowTheirExtensions(TestDatabase database) throws IOException {
        SwitchboardConfig config = config(database);
        Stores stores = StoreWiring.open(config.database());
        Features features = FeatureWiring.build(stores, config, new SimpleMeterRegistry(), Clock.systemUTC());
        FollowMeModule module = FollowMeModule.build(features, stores.database(), Clock.systemUTC());
        try (Housekeeping housekeeping = new Housekeeping()) {
            FollowingKind kind = (FollowingKind) features.dialPlan().kinds().find(FollowMeKind.NAME).orElseThrow();
            features.extensions().create(input("2001"), "test");
            features.extensions().create(input("2002"), "test");
            features.extensions().create(input("2003"), "test");
            FeatureWiring.start(List.of(new ExtensionModule(features.extensions(), List.of()), module), features.events(),
                    housekeeping);
            FollowMe list = new FollowMe(true, true, 10, FollowMeStrategy.IN_ORDER, List.of(new FollowMeDestination("2003", 15)));
            module.followMe().put("2001", list, "test");
            module.followMe().put("2002", list, "test");
            assertThat(kind.forExtension("2001").orElseThrow().members()).containsExactly("2001", "2003");

            features.extensions().update("2002", input("2009"), "test");
            features.extensions().delete("2001", "test");

            await("settings follow their extensions").atMost(WAIT).until(() ->
                    kind.forExtension("2009").isPresent() && kind.forExtension("2001").isEmpty());
            assertThat(kind.forExtension("2009").orElseThrow().members()).containsExactly("2009", "2003");
            assertThat(kind.forExtension("2002")).isEmpty();
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
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_DATA_DIR", dir.toString())).load(file, true);
    }
}
