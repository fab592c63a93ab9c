package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.routing.CallRouterFixture.on;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Where a call goes that an extension cannot take: its last resort (as voicemail will supply it)
 * when no forwarding covers the reason, told the reason in the argument; and forwarding targets
 * that lead to an application. Real dial plan, call settings and registrar, on both engines.
 */
class CallRouterLastResortTest {
    /** Every extension's last resort is its voicemail box of the same number. */
    private static final ExtensionLastResort VOICEMAIL = (extension, reason) -> Optional.of(new Destination("voicemail", extension));

    private static Route.ToApplication applied(CallPlan plan) {
        assertThat(plan.action()).as("plan for %s -> %s: %s", plan.caller(), plan.dialled(), plan.steps())
                .isInstanceOf(CallPlan.Apply.class);
        return ((CallPlan.Apply) plan.action()).destination();
    }

    @BothEngines
    void anUnregisteredOrDoNotDisturbExtensionGoesToItsLastResortWithTheReason(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1003")) {
            f.settings("1003", null, null, null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true);
            CallRouter router = f.routerWith(VOICEMAIL);

            CallPlan unregistered = router.plan("1001", "1002");
            assertThat(applied(unregistered)).isEqualTo(new Route.ToApplication("voicemail", "1002", "1002", Optional.of("unregistered")));
            assertThat(unregistered.steps()).containsExactly(new PlanStep("1002", "no registered phone: last resort voicemail 1002"));
            assertThat(applied(router.plan("1001", "1003")).argument()).contains("do_not_disturb");
        }
    }

    @BothEngines
    void aRingingExtensionOffersItsLastResortForBusyAndNoAnswerAfterItsRingTime(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002").registered("1002")) {
            f.settings("1002", null, null, null, 7, false);
            CallRouter router = f.routerWith(VOICEMAIL);
            CallPlan plan = router.plan("1001", "1002");
            CallPlan.Ring ring = (CallPlan.Ring) plan.action();

            assertThat(ring.onBusy()).contains(new Fallback(ForwardReason.BUSY, "1002", Duration.ZERO,
                    Optional.of(new Destination("voicemail", "1002"))));
            assertThat(ring.onNoAnswer().orElseThrow().after()).isEqualTo(Duration.ofSeconds(7));
            assertThat(plan.steps()).extracting(PlanStep::outcome).containsExactly("ring 1 registered phone",
                    "if busy: last resort voicemail 1002", "if unanswered after 7 s: last resort voicemail 1002");

            CallPlan busy = router.follow(plan, ring.onBusy().orElseThrow());
            assertThat(applied(busy)).isEqualTo(new Route.ToApplication("voicemail", "1002", "1002", Optional.of("busy")));
            assertThat(busy.steps().getLast()).isEqualTo(new PlanStep("1002", "busy: last resort voicemail 1002"));
            assertThat(applied(router.follow(plan, ring.onNoAnswer().orElseThrow())).argument()).contains("no_answer");
        }
    }

    @BothEngines
    void aForwardingForTheReasonComesBeforeTheLastResort(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1002", "1003")) {
            f.settings("1002", null, on("1003"), null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, false);
            CallPlan.Ring ring = (CallPlan.Ring) f.routerWith(VOICEMAIL).plan("1001", "1002").action();

            assertThat(ring.onBusy()).contains(new Fallback(ForwardReason.BUSY, "1003", Duration.ZERO));
            assertThat(ring.onNoAnswer().orElseThrow().lastResort()).contains(new Destination("voicemail", "1002"));
        }
    }

    @BothEngines
    void withoutALastResortTheCallerGetsTheFailure(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002")) {
            assertThat(((CallPlan.Reject) f.router.plan("1001", "1002").action()).status()).isEqualTo(480);
        }
    }

    @BothEngines
    void aForwardingTargetThatLeadsToAnApplicationHandsTheCallToIt(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002").registered("1002")) {
            f.dialPlan.dialPlan.kinds().register(new ApplicationKind("voicemail", "a voicemail box", target -> { }));
            f.dialPlan.dialPlan.create(new NewDialPlanRule(50, "voicemail boxes", "8([0-9]{4})", new RuleAction("voicemail"), "$1"), "test");
            f.forwardAlways("1002", "81002");

            CallPlan plan = f.router.plan("1001", "1002");

            assertThat(applied(plan)).isEqualTo(new Route.ToApplication("voicemail", "1002", "1002", Optional.of("always")));
            assertThat(plan.steps()).containsExactly(new PlanStep("1002", "forward always to 81002 (voicemail 1002)"));
        }
    }
}
