package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class DialPlanServiceTest {
    private TestDatabase db;
    private DialPlanFixture f;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        f = new DialPlanFixture(db).withDefaultRules().withExtension("1001", true).withExtension("1002", true)
                .withExtension("1003", false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anExistingExtensionIsRoutedToWithTheRulesTriedInOrder() {
        RoutingDecision d = f.dialPlan.route("1001", "1002");

        assertThat(d.route()).isEqualTo(new Route.ToExtension("1002"));
        assertThat(d.trail()).extracting(RuleTrial::priority).containsExactly(10, 20, 21, 30, 31, 100);
        assertThat(d.trail()).filteredOn(RuleTrial::matched).singleElement()
                .satisfies(t -> assertThat(t.outcome()).contains("extension 1002"));
    }

    @Test
    void anUnknownExtensionIs404AndADisabledOne480() {
        assertThat(f.dialPlan.route("1001", "1999").route()).isEqualTo(new Route.Rejected("no extension 1999", 404));
        assertThat(f.dialPlan.route("1001", "1003").route())
                .isInstanceOfSatisfying(Route.Rejected.class, r -> assertThat(r.sipStatus()).isEqualTo(480));
    }

    @Test
    void featureCodesCarryTheirArgument() {
        assertThat(f.dialPlan.route("1001", "*72").route())
                .isEqualTo(new Route.ToApplication("feature", "forward_on", "*72", Optional.empty()));
        assertThat(f.dialPlan.route("1001", "*721002").route())
                .isEqualTo(new Route.ToApplication("feature", "forward_on", "*721002", Optional.of("1002")));
        assertThat(f.dialPlan.route("1001", "*78").route())
                .isEqualTo(new Route.ToApplication("feature", "dnd_on", "*78", Optional.empty()));
        assertThat(f.dialPlan.route("1001", "*97").trail()).hasSize(1);
    }

    @Test
    void nothingMatchingAndUndialableStringsAreRejected() {
        RoutingDecision none = f.dialPlan.route("1001", "*55");
        assertThat(none.route()).isInstanceOfSatisfying(Route.Rejected.class, r -> assertThat(r.sipStatus()).isEqualTo(404));
        assertThat(none.trail()).hasSize(6).noneMatch(RuleTrial::matched);
        assertThat(f.dialPlan.route("1001", "10a2").route()).isInstanceOf(Route.Rejected.class);
        assertThat(f.dialPlan.route("1001", "1".repeat(65)).route()).isInstanceOf(Route.Rejected.class);
    }

    @Test
    void aRejectRuleWithAHigherPriorityWinsAndTheChangeIsLiveAtOnce() {
        DialPlanRule block = f.dialPlan.create(new NewDialPlanRule(50, "block 1002", "1002", RuleAction.REJECT, "403"), "test");
        assertThat(f.dialPlan.route("1001", "1002").route()).isEqualTo(new Route.Rejected("refused by rule 'block 1002'", 403));

        f.dialPlan.delete(block.id(), "test");

        assertThat(f.dialPlan.route("1001", "1002").route()).isEqualTo(new Route.ToExtension("1002"));
    }

    @Test
    void extensionTargetsRewriteWithGroups() {
        f.dialPlan.create(new NewDialPlanRule(60, "short codes", "8([0-9]{2})", RuleAction.EXTENSION, "10$1"), "test");
        assertThat(f.dialPlan.route("1001", "802").route()).isEqualTo(new Route.ToExtension("1002"));
    }

    @Test
    void updateReordersAndUnknownIdsAreNotFound() {
        DialPlanRule dnd = f.dialPlan.list().stream().filter(r -> r.target().equals("dnd_on")).findFirst().orElseThrow();
        f.dialPlan.update(dnd.id(), new NewDialPlanRule(5, "dnd first", "\\*78", RuleAction.FEATURE, "dnd_on"), "test");

        assertThat(f.dialPlan.route("1001", "*78").trail()).hasSize(1);
        assertThatThrownBy(() -> f.dialPlan.get(9999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.dialPlan.delete(9999, "test")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndChangeNothing() {
        assertField(new NewDialPlanRule(1, "x", "[0-9", RuleAction.EXTENSION, "$0"), "pattern");
        assertField(new NewDialPlanRule(1, "x", "[0-9]+", RuleAction.EXTENSION, "$1"), "target");
        assertField(new NewDialPlanRule(1, "x", "[0-9]+", RuleAction.EXTENSION, "$"), "target");
        assertField(new NewDialPlanRule(1, "x", "[0-9]+", RuleAction.EXTENSION, "abc"), "target");
        assertField(new NewDialPlanRule(1, "x", "\\*1", RuleAction.FEATURE, "coffee"), "target");
        assertField(new NewDialPlanRule(1, "x", "9.*", RuleAction.REJECT, "200"), "target");
        assertThat(f.dialPlan.count()).isEqualTo(6);
    }

    @Test
    void aKindAModuleRegisteredIsARuleActionLikeTheBuiltInOnes() {
        assertField(new NewDialPlanRule(1, "attendant", "0", new RuleAction("ivr"), "main"), "action");

        f.dialPlan.kinds().register(new ApplicationKind("ivr", "runs an attendant menu",
                target -> Fields.check(target.matches("[a-z]+"), "target", "must be a menu name")));
        assertField(new NewDialPlanRule(1, "attendant", "0", new RuleAction("ivr"), "Main Menu"), "target");
        f.dialPlan.create(new NewDialPlanRule(1, "attendant", "0|9([a-z]*)", new RuleAction("ivr"), "main"), "test");

        RoutingDecision d = f.dialPlan.route("1001", "0");
        assertThat(d.route()).isEqualTo(new Route.ToApplication("ivr", "main", "0", Optional.empty()));
        assertThat(d.trail().getFirst().outcome()).isEqualTo("matched: ivr main");
    }

    @Test
    void aRuleWhoseKindIsNoLongerRegisteredRefusesTheCallInsteadOfFailing() {
        DestinationKinds kinds = DestinationKinds.builtIn(n -> Optional.of(true));
        DialPlan plan = new DialPlan(List.of(new DialPlanRule(1, 1, "queue", "7", new RuleAction("queue"), "sales",
                Instant.EPOCH, Instant.EPOCH)));

        assertThat(plan.route("1001", "7", kinds).route())
                .isEqualTo(new Route.Rejected("destination kind 'queue' is not installed", 404));
    }

    @Test
    void aKindIsRegisteredOnce() {
        assertThatThrownBy(() -> f.dialPlan.kinds().register(new ApplicationKind("feature", "again", t -> { })))
                .isInstanceOf(IllegalStateException.class);
        assertThat(f.dialPlan.kinds().all()).extracting(DestinationKind::name)
                .containsExactly("extension", "feature", "reject");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNestedQuantifierPatternIsMatchedWithoutCatastrophicBacktracking() {
        // ((1+)+)+2 against 28 ones took 12 s on a backtracking engine, 30 or more never returned.
        f.dialPlan.create(new NewDialPlanRule(5, "evil", "((1+)+)+2", RuleAction.REJECT, "403"), "test");

        RoutingDecision d = f.dialPlan.route("1001", "1".repeat(40));

        assertThat(d.trail().getFirst()).satisfies(t -> {
            assertThat(t.pattern()).isEqualTo("((1+)+)+2");
            assertThat(t.matched()).isFalse();
        });
        assertThat(f.dialPlan.route("1001", "1".repeat(39) + "2").route())
                .isEqualTo(new Route.Rejected("refused by rule 'evil'", 403));
    }

    @Test
    void patternsTheLinearTimeEngineCannotRunAreRefusedNamingThePattern() {
        assertField(new NewDialPlanRule(1, "backref", "(1)\\1", RuleAction.REJECT, "403"), "pattern");
        assertField(new NewDialPlanRule(1, "lookahead", "(?=1)1", RuleAction.REJECT, "403"), "pattern");
    }

    @Test
    void aTakenPriorityIsAConflict() {
        assertThatThrownBy(() -> f.dialPlan.create(new NewDialPlanRule(100, "dup", "1", RuleAction.REJECT, "403"), "test"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("priority"));
    }

    @Test
    void aNewServiceLoadsThePlanFromTheDatabase() {
        DialPlanFixture restarted = new DialPlanFixture(db);
        assertThat(restarted.dialPlan.route("1001", "1002").route()).isEqualTo(new Route.ToExtension("1002"));
    }

    private void assertField(NewDialPlanRule rule, String field) {
        assertThatThrownBy(() -> f.dialPlan.create(rule, "test")).as("%s", rule)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
