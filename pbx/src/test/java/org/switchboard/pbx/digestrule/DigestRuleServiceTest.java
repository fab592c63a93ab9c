package org.switchboard.pbx.digestrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.digestrule.DigestRule;
import org.switchboard.store.digestrule.JdbiDigestRuleStore;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** The User-Agent rules on a real database, both engines: seeding, matching, order, restart. */
class DigestRuleServiceTest {
    private static final String BARESIP_1 = "baresip v1.0.0 (x86_64/linux)";

    private static DigestRuleService service(Database db) {
        DigestRuleService s = new DigestRuleService(new JdbiDigestRuleStore(db), Clock.systemUTC(), new EventBus());
        s.reloadCache();
        return s;
    }

    @BothEngines
    void theDefaultRulesAreSeededOnceAndSurviveARestart(TestDatabase db) {
        DigestRuleService s = service(db.database());
        SeedRunner runner = new SeedRunner(db.database(), Clock.systemUTC());
        assertThat(runner.run(new DigestRuleSeed(s, DigestRuleSeed.defaults()))).isEqualTo(SeedOutcome.SEEDED);
        s.replace(List.of(new DigestRuleService.RuleInput("^Acme", "sha-256", "operator's own")), "admin");

        DigestRuleService restarted = service(db.restart());

        assertThat(new SeedRunner(db.database(), Clock.systemUTC()).run(new DigestRuleSeed(restarted,
                DigestRuleSeed.defaults()))).as("second start").isNotEqualTo(SeedOutcome.SEEDED);
        assertThat(restarted.list()).extracting(DigestRule::userAgentPattern).containsExactly("^Acme");
        assertThat(restarted.offerFor("Acme Phone 2")).contains(List.of(DigestAlgorithm.SHA_256));
    }

    @BothEngines
    void baresip1GetsMd5OnlyFromTheDefaultsAndOtherPhonesNoRule(TestDatabase db) {
        DigestRuleService s = service(db.database());
        s.replace(DigestRuleSeed.defaults(), "test");

        assertThat(s.offerFor(BARESIP_1)).contains(List.of(DigestAlgorithm.MD5));
        assertThat(s.offerFor("baresip v3.10.1 (x86_64/Linux)")).as("baresip 3.x").isEmpty();
        assertThat(s.offerFor("Yealink SIP-T46S 66.86.0.15")).isEmpty();
    }

    @BothEngines
    void theFirstMatchingRuleWinsAndAReplacementIsSeenAtOnce(TestDatabase db) {
        DigestRuleService s = service(db.database());
        s.replace(List.of(new DigestRuleService.RuleInput("yealink", "md5", null),
                new DigestRuleService.RuleInput("T46S", "sha-256,md5", null)), "test");
        assertThat(s.offerFor("Yealink SIP-T46S 66.86.0.15")).as("case-insensitive, first rule")
                .contains(List.of(DigestAlgorithm.MD5));

        s.replace(List.of(new DigestRuleService.RuleInput("T46S", "sha-256, MD5", null)), "test");

        assertThat(s.offerFor("Yealink SIP-T46S 66.86.0.15"))
                .contains(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    @BothEngines
    void aBadRuleIsRefusedNamingItsPositionAndFieldAndNothingChanges(TestDatabase db) {
        DigestRuleService s = service(db.database());
        s.replace(DigestRuleSeed.defaults(), "test");

        assertThatThrownBy(() -> s.replace(List.of(new DigestRuleService.RuleInput("ok", "md5", null),
                new DigestRuleService.RuleInput("([unclosed", "md5", null)), "test"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("rules[1].user_agent_pattern"));
        assertThatThrownBy(() -> s.replace(List.of(new DigestRuleService.RuleInput("x", "sha-1", null)), "test"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("rules[0].algorithms"));
        assertThat(s.list()).hasSize(DefaultDigestRules.rules().size());
        assertThat(s.offerFor(BARESIP_1)).isEqualTo(Optional.of(List.of(DigestAlgorithm.MD5)));
    }
}
