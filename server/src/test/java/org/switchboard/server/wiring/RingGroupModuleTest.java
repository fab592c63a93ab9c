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
import org.switchboard.pbx.ringgroup.RingGroupKind;
import org.switchboard.pbx.routing.RingingKind;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.ringgroup.NewRingGroup;
import org.switchboard.store.ringgroup.RingStrategy;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The ring-group module registers kind {@code ring_group} as one the router rings, and its cache
 * follows members' extensions as they are renumbered and deleted, on each engine.
 */
class RingGroupModuleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BothEngines
    void theKindRingsAndGroupsFollowTheirMembersExtensions(TestDatabase database) throws IOException {
        SwitchboardConfig config = config(database);
        Stores stores = StoreWiring.open(config.database());
        Features features = FeatureWiring.build(stores, config, new SimpleMeterRegistry(), Clock.systemUTC());
        RingGroupModule module = RingGroupModule.build(features, stores.database(), Clock.systemUTC());
        try (Housekeeping housekeeping = new Housekeeping()) {
            assertThat(features.dialPlan().kinds().find(RingGroupKind.NAME)).get().isInstanceOf(RingingKind.class);
            features.extensions().create(input("2001"), "test");
            features.extensions().create(input("2002"), "test");
            FeatureWiring.start(List.of(new ExtensionModule(features.extensions(), List.of()), module), features.events(),
                    housekeeping);
            module.groups().create(new NewRingGroup("support", RingStrategy.HUNT, List.of("2001", "2002"), 20,
                    Optional.empty()), "test");

            features.extensions().update("2002", input("2009"), "test");
            features.extensions().delete("2001", "test");

            await("members follow their extensions").atMost(WAIT).until(() ->
                    module.groups().find("support").orElseThrow().members().equals(List.of("2009")));
            assertThat(module.groups().hunt("support").orElseThrow().members()).containsExactly("2009");
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
