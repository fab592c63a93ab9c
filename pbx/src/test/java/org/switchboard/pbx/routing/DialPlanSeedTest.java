package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class DialPlanSeedTest {

    private static SeedOutcome seed(TestDatabase db, DialPlanService service, List<NewDialPlanRule> rules) {
        return new SeedRunner(db.database(), Clock.systemUTC()).run(new DialPlanSeed(service, rules));
    }

    @BothEngines
    void seedsAnEmptyDatabaseOnceAndIgnoresTheSectionAfter(TestDatabase db) {
        DialPlanFixture f = new DialPlanFixture(db);
        assertThat(seed(db, f.dialPlan, DialPlanFixture.DEFAULT_RULES)).isEqualTo(SeedOutcome.SEEDED);
        f.dialPlan.reloadCache();
        assertThat(f.dialPlan.route("1001", "*78").route()).isInstanceOf(Route.ToApplication.class);

        db.restart();
        DialPlanFixture restarted = new DialPlanFixture(db);
        List<NewDialPlanRule> changed = List.of(new NewDialPlanRule(1, "other", "0", RuleAction.REJECT, "403"));
        assertThat(seed(db, restarted.dialPlan, changed)).isEqualTo(SeedOutcome.ALREADY_APPLIED);
        assertThat(restarted.dialPlan.list()).extracting(DialPlanRule::priority).containsExactly(10, 20, 21, 30, 31, 100);
    }

    @BothEngines
    void rulesCreatedThroughTheApiBeforeTheSectionExistedAreKept(TestDatabase db) {
        DialPlanFixture f = new DialPlanFixture(db);
        f.dialPlan.create(new NewDialPlanRule(7, "api rule", "0", RuleAction.REJECT, "403"), "api");

        assertThat(seed(db, f.dialPlan, DialPlanFixture.DEFAULT_RULES)).isEqualTo(SeedOutcome.SKIPPED_NOT_EMPTY);
        assertThat(f.dialPlan.list()).extracting(DialPlanRule::name).containsExactly("api rule");
    }
}
