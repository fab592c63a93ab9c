package org.switchboard.store.digestrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiDigestRuleStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @BothEngines
    void rulesKeepTheirOrderAcrossARestart(TestDatabase db) {
        JdbiDigestRuleStore store = new JdbiDigestRuleStore(db.database());
        store.replaceAll(List.of(new NewDigestRule("^baresip v[01]\\.", "md5", "libre 1.x gives up on SHA-256"),
                new NewDigestRule("Yealink", "sha-256,md5", null)), T0);

        List<DigestRule> after = new JdbiDigestRuleStore(db.restart()).list();

        assertThat(after).extracting(DigestRule::position, DigestRule::userAgentPattern, DigestRule::algorithms,
                        DigestRule::note, DigestRule::createdAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "^baresip v[01]\\.", "md5", "libre 1.x gives up on SHA-256", T0),
                        org.assertj.core.groups.Tuple.tuple(2, "Yealink", "sha-256,md5", null, T0));
    }

    @BothEngines
    void replacingTheListLeavesOnlyTheNewRules(TestDatabase db) {
        JdbiDigestRuleStore store = new JdbiDigestRuleStore(db.database());
        store.replaceAll(List.of(new NewDigestRule("a", "md5", null), new NewDigestRule("b", "md5", null)), T0);

        List<DigestRule> saved = store.replaceAll(List.of(new NewDigestRule("c", "sha-256", null)), T1);

        assertThat(store.list()).isEqualTo(saved).singleElement()
                .extracting(DigestRule::position, DigestRule::userAgentPattern).containsExactly(1, "c");
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.replaceAll(List.of(), T1)).isEmpty();
        assertThat(store.count()).isZero();
    }

    @BothEngines
    void anOfferOutsideTheKnownOnesIsRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewDigestRule("x", "sha-1", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "algorithms");
        assertThatThrownBy(() -> new NewDigestRule(" ", "md5", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "user_agent_pattern");
    }
}
