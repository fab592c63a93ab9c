package org.switchboard.store.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiDialPlanRuleStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final NewDialPlanRule INTERNAL =
            new NewDialPlanRule(100, "internal extensions", "[0-9]{2,10}", RuleAction.EXTENSION, "$0");
    private static final NewDialPlanRule DND_ON = new NewDialPlanRule(40, "do not disturb on", "\\*78", RuleAction.FEATURE, "dnd_on");

    @BothEngines
    void savedRuleLoadsWithEveryField(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());

        DialPlanRule created = store.create(INTERNAL, T0);

        assertThat(store.findById(created.id())).contains(created);
        assertThat(created).extracting(DialPlanRule::priority, DialPlanRule::name, DialPlanRule::pattern,
                        DialPlanRule::action, DialPlanRule::target, DialPlanRule::createdAt, DialPlanRule::updatedAt)
                .containsExactly(100, "internal extensions", "[0-9]{2,10}", RuleAction.EXTENSION, "$0", T0, T0);
        assertThat(store.findById(created.id() + 1)).isEmpty();
    }

    @BothEngines
    void listIsInPriorityOrder(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());
        store.create(INTERNAL, T0);
        store.create(DND_ON, T0);

        assertThat(store.list()).extracting(DialPlanRule::priority).containsExactly(40, 100);
        assertThat(store.count()).isEqualTo(2);
    }

    @BothEngines
    void updatePersistsAndMovesUpdatedAt(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());
        DialPlanRule created = store.create(DND_ON, T0);

        DialPlanRule updated = store.update(created.id(),
                new NewDialPlanRule(41, "forbidden prefix", "900[0-9]*", RuleAction.REJECT, "403"), T1);

        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(store.findById(created.id())).contains(updated);
        assertThat(updated.action()).isEqualTo(RuleAction.REJECT);
        assertThatThrownBy(() -> store.update(created.id() + 99, DND_ON, T1)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void deletePersists(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());
        DialPlanRule created = store.create(DND_ON, T0);

        store.delete(created.id());

        assertThat(store.findById(created.id())).isEmpty();
        assertThatThrownBy(() -> store.delete(created.id())).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());
        DialPlanRule internal = store.create(INTERNAL, T0);
        DialPlanRule dnd = store.create(DND_ON, T0);
        store.update(internal.id(), new NewDialPlanRule(200, "internal", "[0-9]{3}", RuleAction.EXTENSION, "$0"), T1);
        store.delete(dnd.id());

        Database reopened = db.restart();

        assertThat(new JdbiDialPlanRuleStore(reopened).list())
                .extracting(DialPlanRule::priority, DialPlanRule::pattern)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(200, "[0-9]{3}"));
    }

    @BothEngines
    void aRuleOfAnyDestinationKindIsStoredAndSurvivesARestart(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());
        DialPlanRule first = store.create(new NewDialPlanRule(5, "attendant", "0", new RuleAction("ivr"), "main"), T0);

        Database reopened = db.restart();
        JdbiDialPlanRuleStore again = new JdbiDialPlanRuleStore(reopened);
        DialPlanRule next = again.create(new NewDialPlanRule(6, "echo test", "\\*43", new RuleAction("echo_test"), "echo"), T1);

        assertThat(again.list()).extracting(DialPlanRule::action, DialPlanRule::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new RuleAction("ivr"), "main"),
                        org.assertj.core.groups.Tuple.tuple(new RuleAction("echo_test"), "echo"));
        assertThat(next.id()).as("ids go on after the rebuilt table").isGreaterThan(first.id());
    }

    @BothEngines
    void duplicatePriorityIsAConflictNamingPriority(TestDatabase db) {
        JdbiDialPlanRuleStore store = new JdbiDialPlanRuleStore(db.database());
        store.create(INTERNAL, T0);
        DialPlanRule other = store.create(DND_ON, T0);

        assertThatThrownBy(() -> store.create(new NewDialPlanRule(100, "x", "1", RuleAction.REJECT, "403"), T0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("priority"));
        assertThatThrownBy(() -> store.update(other.id(), INTERNAL, T1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("priority"));
    }

    @Test
    void newRuleValidatesItsShapeNamingTheField() {
        assertThatThrownBy(() -> new NewDialPlanRule(-1, "x", "1", RuleAction.REJECT, "403"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("priority"));
        assertThatThrownBy(() -> new NewDialPlanRule(1, " ", "1", RuleAction.REJECT, "403"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new NewDialPlanRule(1, "x", "", RuleAction.REJECT, "403"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("pattern"));
        assertThatThrownBy(() -> new NewDialPlanRule(1, "x", "1", null, "403"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("action"));
        assertThat(RuleAction.parse("Feature")).contains(RuleAction.FEATURE);
        assertThat(RuleAction.parse("ring_group")).contains(new RuleAction("ring_group"));
        assertThat(RuleAction.parse("9lives")).as("a kind name starts with a letter").isEmpty();
        assertThat(RuleAction.parse("ivr menu")).isEmpty();
    }
}
