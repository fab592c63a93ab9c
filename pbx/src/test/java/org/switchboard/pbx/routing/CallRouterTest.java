package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.pbx.routing.CallRouterFixture.on;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** What a dialled number rings, over the real dial plan, call settings and registrar, on SQLite and PostgreSQL. */
class CallRouterTest {

    private static CallPlan.Ring ring(CallPlan plan) {
        assertThat(plan.action()).as("plan for %s -> %s: %s", plan.caller(), plan.dialled(), plan.steps())
                .isInstanceOf(CallPlan.Ring.class);
        return (CallPlan.Ring) plan.action();
    }

    private static CallPlan.Reject reject(CallPlan plan) {
        assertThat(plan.action()).as("plan for %s -> %s: %s", plan.caller(), plan.dialled(), plan.steps())
                .isInstanceOf(CallPlan.Reject.class);
        return (CallPlan.Reject) plan.action();
    }

    @BothEngines
    void aRegisteredExtensionRingsItsPhonesWithoutFallbacks(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002").registered("1002")) {
            CallPlan.Ring ring = ring(f.router.plan("1001", "1002"));

            assertThat(ring.extension()).isEqualTo("1002");
            assertThat(ring.contacts()).extracting(Binding::contactKey).containsExactly("sip:1002@192.0.2.10:5062");
            assertThat(ring.onBusy()).isEmpty();
            assertThat(ring.onNoAnswer()).isEmpty();
            assertThat(ring.forwards()).isEmpty();
        }
    }

    @BothEngines
    void unknownNumbersAre404DisabledExtensions480AndARejectRuleGivesItsStatus(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001")) {
            f.dialPlan.withExtension("1005", false);
            f.dialPlan.dialPlan.create(new NewDialPlanRule(50, "no premium", "0900[0-9]*", RuleAction.REJECT, "403"), "test");

            assertThat(reject(f.router.plan("1001", "1999")).status()).isEqualTo(404);
            assertThat(reject(f.router.plan("1001", "1005")).status()).isEqualTo(480);
            assertThat(reject(f.router.plan("1001", "0900123")).status()).isEqualTo(403);
            assertThat(reject(f.router.plan("1001", "abc")).status()).isEqualTo(404);
        }
    }

    @BothEngines
    void anUnregisteredExtensionWithoutForwardingIs480(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002")) {
            CallPlan.Reject x = reject(f.router.plan("1001", "1002"));

            assertThat(x.status()).isEqualTo(480);
            assertThat(x.reason()).contains("no registered phone");
        }
    }

    @BothEngines
    void aFeatureCodeIsHandedToCallControlWhichAppliesItThroughTheCallSettings(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002").registered("1002")) {
            CallPlan plan = f.router.plan("1002", "*78");
            assertThat(plan.action()).isInstanceOf(CallPlan.Apply.class);

            f.callSettings.applyFeatureCode("1002", FeatureCode.of(((CallPlan.Apply) plan.action()).destination()));

            assertThat(reject(f.router.plan("1001", "1002")).status()).as("1002 after dialling *78").isEqualTo(486);
        }
    }

    @BothEngines
    void forwardAlwaysFollowsAChainToTheExtensionFinallyReached(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1000", "1001", "1002", "1003").registered("1001", "1003")) {
            f.forwardAlways("1001", "1002").forwardAlways("1002", "1003");

            CallPlan plan = f.router.plan("1000", "1001");
            CallPlan.Ring ring = ring(plan);

            assertThat(ring.extension()).as("the callee a CDR records").isEqualTo("1003");
            assertThat(ring.forwardedBy()).containsExactly("1001", "1002");
            assertThat(ring.forwards()).extracting(Forward::reason).containsOnly(ForwardReason.ALWAYS);
            assertThat(plan.dialled()).isEqualTo("1001");
            assertThat(plan.steps()).extracting(PlanStep::extension).containsExactly("1001", "1002", "1003");
        }
    }

    @BothEngines
    void aForwardingLoopIs482(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1000", "1001", "1002", "1003").registered("1001", "1002", "1003")) {
            f.forwardAlways("1001", "1002").forwardAlways("1002", "1003").forwardAlways("1003", "1001");

            CallPlan.Reject x = reject(f.router.plan("1000", "1001"));

            assertThat(x.status()).isEqualTo(482);
            assertThat(x.reason()).contains("1001 -> 1002 -> 1003 -> 1001");
        }
    }

    @BothEngines
    void aChainLongerThanTheLimitIs483(TestDatabase db) {
        String[] numbers = {"2001", "2002", "2003", "2004", "2005", "2006", "2007"};
        try (CallRouterFixture f = new CallRouterFixture(db, numbers).registered(numbers)) {
            for (int i = 0; i < CallRouter.MAX_FORWARDS; i++) {
                f.forwardAlways(numbers[i], numbers[i + 1]);
            }
            assertThat(ring(f.router.plan("2001", "2001")).extension()).as("a chain of exactly the limit").isEqualTo("2006");

            f.forwardAlways("2006", "2007");

            assertThat(reject(f.router.plan("2001", "2001")).status()).isEqualTo(483);
        }
    }

    @BothEngines
    void doNotDisturbWithoutForwardOnBusyIs486(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002").registered("1002")) {
            f.settings("1002", null, null, null, 20, true);

            assertThat(reject(f.router.plan("1001", "1002")).status()).isEqualTo(486);
        }
    }

    @BothEngines
    void doNotDisturbWithForwardOnBusyRingsTheBusyTarget(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1002", "1003")) {
            f.settings("1002", null, on("1003"), null, 20, true);

            CallPlan.Ring ring = ring(f.router.plan("1001", "1002"));

            assertThat(ring.extension()).isEqualTo("1003");
            assertThat(ring.forwards()).containsExactly(new Forward("1002", ForwardReason.DO_NOT_DISTURB, "1003", "1003"));
        }
    }

    @BothEngines
    void forwardAlwaysWinsOverDoNotDisturb(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004").registered("1003")) {
            f.settings("1002", on("1003"), on("1004"), null, 20, true);

            assertThat(ring(f.router.plan("1001", "1002")).extension()).isEqualTo("1003");
        }
    }

    @BothEngines
    void noRegisteredPhoneForwardsOnNoAnswerAtOnce(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1003")) {
            f.settings("1002", null, null, on("1003"), 30, false);

            CallPlan.Ring ring = ring(f.router.plan("1001", "1002"));

            assertThat(ring.extension()).isEqualTo("1003");
            assertThat(ring.forwards()).extracting(Forward::reason).containsExactly(ForwardReason.UNREGISTERED);
        }
    }

    @BothEngines
    void aRingCarriesBusyAndNoAnswerFallbacksThatCallControlFollows(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004").registered("1002", "1003", "1004")) {
            f.settings("1002", null, on("1003"), on("1004"), 25, false);

            CallPlan plan = f.router.plan("1001", "1002");
            CallPlan.Ring ring = ring(plan);
            assertThat(ring.extension()).isEqualTo("1002");
            assertThat(ring.onBusy()).contains(new Fallback(ForwardReason.BUSY, "1003", Duration.ZERO));
            assertThat(ring.onNoAnswer()).contains(new Fallback(ForwardReason.NO_ANSWER, "1004", Duration.ofSeconds(25)));

            CallPlan busy = f.router.follow(plan, ring.onBusy().orElseThrow());
            assertThat(ring(busy).extension()).isEqualTo("1003");
            assertThat(ring(busy).forwards()).containsExactly(new Forward("1002", ForwardReason.BUSY, "1003", "1003"));

            CallPlan unanswered = f.router.follow(plan, ring.onNoAnswer().orElseThrow());
            assertThat(ring(unanswered).extension()).isEqualTo("1004");
            assertThat(unanswered.dialled()).isEqualTo("1002");
        }
    }

    @BothEngines
    void aFallbackBackToAnExtensionAlreadyRungIsNotOffered(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1002", "1003")) {
            f.settings("1002", null, on("1003"), null, 20, false);
            f.settings("1003", null, on("1002"), null, 20, false);

            CallPlan plan = f.router.plan("1001", "1002");
            CallPlan atTarget = f.router.follow(plan, ring(plan).onBusy().orElseThrow());

            assertThat(ring(atTarget).extension()).isEqualTo("1003");
            assertThat(ring(atTarget).onBusy()).as("1003 busy goes back to 1002: the caller hears busy instead").isEmpty();
            assertThat(atTarget.steps()).anySatisfy(s -> assertThat(s.outcome()).contains("forwarding loop 1002 -> 1003 -> 1002"));
        }
    }

    @BothEngines
    void aForwardingTargetIsRoutedThroughTheDialPlanAgain(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1003")) {
            f.dialPlan.dialPlan.create(new NewDialPlanRule(50, "short dial", "8([0-9])", RuleAction.EXTENSION, "100$1"), "test");
            f.forwardAlways("1002", "83");
            assertThat(ring(f.router.plan("1001", "1002")).forwards())
                    .containsExactly(new Forward("1002", ForwardReason.ALWAYS, "83", "1003"));

            // A rule added later that refuses the target refuses the forwarded call with its status.
            f.dialPlan.dialPlan.create(new NewDialPlanRule(40, "closed", "83", RuleAction.REJECT, "403"), "test");

            CallPlan.Reject x = reject(f.router.plan("1001", "1002"));
            assertThat(x.status()).isEqualTo(403);
            assertThat(x.reason()).contains("forward always to 83");
        }
    }

    @BothEngines
    void onlyTheRingsOwnFallbacksCanBeFollowed(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1002")) {
            CallPlan plan = f.router.plan("1001", "1002");

            assertThatThrownBy(() -> f.router.follow(plan, new Fallback(ForwardReason.BUSY, "1003", Duration.ZERO)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @BothEngines
    void settingsOfAnExtensionNoLongerCalledDoNotMatter(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003").registered("1002", "1003")) {
            f.settings("1002", new Forwarding(false, "1003"), null, null, 20, false);

            assertThat(ring(f.router.plan("1001", "1002")).extension()).as("forward always switched off").isEqualTo("1002");
        }
    }
}
