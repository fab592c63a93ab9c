package org.switchboard.pbx.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.parking.JdbiParkLotStore;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class ParkingSeedTest {
    private static final NewParkLot CONFIGURED = new NewParkLot("700", 701, 720, 45, "default", Optional.empty());

    private record Node(DialPlanService dialPlan, ParkingService parking) {}

    private static Node node(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions,
                Clock.systemUTC(), events);
        dialPlan.kinds().register(ParkApplication.kind());
        dialPlan.kinds().register(RetrieveApplication.kind());
        dialPlan.reloadCache();
        ParkingService parking = new ParkingService(new JdbiParkLotStore(db.database()), dialPlan,
                Set.of("default")::contains, Clock.systemUTC(), events);
        return new Node(dialPlan, parking);
    }

    private static SeedOutcome seed(TestDatabase db, ParkingService parking, NewParkLot lot) {
        return new SeedRunner(db.database(), Clock.systemUTC()).run(new ParkingSeed(parking, lot));
    }

    @BothEngines
    void seedsTheLotAndItsRulesOnceAndIgnoresTheSectionAfterARestart(TestDatabase db) {
        Node node = node(db);
        node.dialPlan().create(new NewDialPlanRule(90, "taken", "999", RuleAction.REJECT, "403"), "api");

        assertThat(seed(db, node.parking(), CONFIGURED)).isEqualTo(SeedOutcome.SEEDED);
        assertThat(node.dialPlan().route("1001", "700").route())
                .isEqualTo(new Route.ToApplication("park", "default", "700", Optional.empty()));
        assertThat(node.dialPlan().route("1001", "720").route())
                .isEqualTo(new Route.ToApplication("park_slot", "720", "720", Optional.of("720")));
        assertThat(node.dialPlan().list()).extracting(DialPlanRule::priority).as("the first free priorities")
                .containsExactly(90, 91, 92);

        db.restart();
        Node restarted = node(db);
        assertThat(seed(db, restarted.parking(), new NewParkLot("800", 801, 810, 30, "default", Optional.empty())))
                .isEqualTo(SeedOutcome.ALREADY_APPLIED);
        restarted.parking().reloadCache();
        assertThat(restarted.parking().lot().values()).isEqualTo(CONFIGURED);
    }

    @BothEngines
    void aLotSavedThroughTheApiBeforeTheSectionExistedIsKept(TestDatabase db) {
        Node node = node(db);
        NewParkLot api = new NewParkLot("600", 601, 605, 20, "default", Optional.empty());
        node.parking().save(api, "api");

        assertThat(seed(db, node.parking(), CONFIGURED)).isEqualTo(SeedOutcome.SKIPPED_NOT_EMPTY);
        assertThat(node.parking().lot().values()).isEqualTo(api);
    }
}
