package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.NewDialPlanRule;

class DialPlanProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final DialPlan PLAN = new DialPlan(rules(DialPlanFixture.DEFAULT_RULES));
    private static final DestinationKinds EVERY_NUMBER_EXISTS = DestinationKinds.builtIn(n -> Optional.of(true));

    private static List<DialPlanRule> rules(List<NewDialPlanRule> rules) {
        return rules.stream().map(r -> new DialPlanRule(r.priority(), r.priority(), r.name(), r.pattern(), r.action(),
                r.target(), T0, T0)).toList();
    }

    @Property
    void anyStringGetsADecisionNeverAnException(@ForAll @StringLength(max = 100) String dialled) {
        RoutingDecision d = PLAN.route("1001", dialled, EVERY_NUMBER_EXISTS);
        assertThat(d.route()).isNotNull();
        assertThat(d.trail().stream().filter(RuleTrial::matched).count()).isLessThanOrEqualTo(1);
    }

    @Property
    void theTrailEndsAtTheFirstMatchingRuleInPriorityOrder(@ForAll("dialable") String dialled) {
        RoutingDecision d = PLAN.route("1001", dialled, EVERY_NUMBER_EXISTS);
        List<Integer> priorities = d.trail().stream().map(RuleTrial::priority).toList();
        assertThat(priorities).isSorted();
        if (!d.trail().isEmpty() && d.trail().getLast().matched()) {
            assertThat(d.trail().subList(0, d.trail().size() - 1)).noneMatch(RuleTrial::matched);
        } else {
            assertThat(d.route()).isInstanceOf(Route.Rejected.class);
        }
    }

    @Property
    void everyInternalNumberReachesItsExtension(@ForAll("internal") String number) {
        assertThat(PLAN.route("1001", number, EVERY_NUMBER_EXISTS).route()).isEqualTo(new Route.ToExtension(number));
    }

    @Provide
    Arbitrary<String> dialable() {
        return Arbitraries.strings().withChars("0123456789*#+").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> internal() {
        return Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(10);
    }
}
