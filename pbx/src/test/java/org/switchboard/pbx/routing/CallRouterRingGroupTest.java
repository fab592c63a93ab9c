package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.ringgroup.RingGroupKind;
import org.switchboard.pbx.ringgroup.RingGroupService;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.ringgroup.FinalAction;
import org.switchboard.store.ringgroup.JdbiRingGroupStore;
import org.switchboard.store.ringgroup.NewRingGroup;
import org.switchboard.store.ringgroup.RingStrategy;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Ring groups as the router plans them: a ring of the members' phones (all together, or one member
 * at a time), the caller, do-not-disturb and unregistered members skipped, the fallbacks going on with the next
 * member and then the final action (an application, or an extension with its own settings), the
 * memory hunt starting after the last member who answered, loops between groups refused, and the
 * steps that explain it all. Real dial plan, call settings, registrar and ring-group service, on
 * both engines.
 */
class CallRouterRingGroupTest {

    private static RingGroupService groups(TestDatabase db, CallRouterFixture f) {
        RingGroupService groups = new RingGroupService(new JdbiRingGroupStore(db.database()), f.dialPlan.extensions,
                f.dialPlan.dialPlan.kinds(), Clock.systemUTC(), new EventBus());
        f.dialPlan.dialPlan.kinds().register(new RingGroupKind(groups));
        f.dialPlan.dialPlan.kinds().register(new ApplicationKind("voicemail", "boxes", target -> { }));
        groups.reloadCache();
        return groups;
    }

    private static void group(CallRouterFixture f, RingGroupService groups, int number, String name, RingStrategy strategy,
            List<String> members, Optional<FinalAction> last) {
        groups.create(new NewRingGroup(name, strategy, members, 15, last), "test");
        f.dialPlan.dialPlan.create(new NewDialPlanRule(number - 600, name, Integer.toString(number),
                RuleAction.parse(RingGroupKind.NAME).orElseThrow(), name), "test");
    }

    private static CallPlan.Ring ring(CallPlan plan) {
        assertThat(plan.action()).as("plan: %s", plan.steps()).isInstanceOf(CallPlan.Ring.class);
        return (CallPlan.Ring) plan.action();
    }

    private static List<String> rung(CallPlan plan) {
        return ring(plan).contacts().stream().map(Binding::extension).toList();
    }

    @BothEngines
    void ringAllRingsEveryReachableMemberTogetherThenTheFinalAction(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004", "1005")
                .registered("1002", "1003", "1004")) {
            f.settings("1003", null, null, null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true);
            RingGroupService groups = groups(db, f);
            group(f, groups, 601, "support", RingStrategy.RING_ALL, List.of("1002", "1003", "1004", "1005"),
                    Optional.of(new FinalAction("voicemail", "1002")));

            CallPlan plan = f.router.plan("1001", "601");
            CallPlan.Ring ring = ring(plan);

            assertThat(ring.extension()).as("the group rings, its answering member becomes the callee").isEqualTo("support");
            assertThat(rung(plan)).containsExactly("1002", "1004");
            assertThat(ring.onNoAnswer().orElseThrow().after()).isEqualTo(Duration.ofSeconds(15));
            assertThat(ring.hunt().orElseThrow().members()).isEmpty();
            assertThat(plan.steps()).containsExactly(
                    new PlanStep("support", "ring_group support: members 1002, 1003, 1004, 1005 together for 15 s"),
                    new PlanStep("support", "if nobody answers: voicemail 1002"),
                    new PlanStep("1002", "ring 1 registered phone"),
                    new PlanStep("1003", "do not disturb: skipped"),
                    new PlanStep("1004", "ring 1 registered phone"),
                    new PlanStep("1005", "no registered phone: skipped"));

            CallPlan unanswered = f.router.follow(plan, ring.onNoAnswer().orElseThrow());
            assertThat(unanswered.action()).isEqualTo(new CallPlan.Apply(
                    new Route.ToApplication("voicemail", "1002", "601", Optional.of("no_answer"))));
            assertThat(unanswered.steps().getLast()).isEqualTo(new PlanStep("support", "no answer: voicemail 1002"));
            assertThat(ring.fallbackFor(false, false)).as("any refusal moves a group on").isEqualTo(ring.onBusy());

            CallPlan fromAMember = f.router.plan("1002", "601");
            assertThat(rung(fromAMember)).as("a member calling its group is not rung").containsExactly("1004");
            assertThat(fromAMember.steps()).contains(new PlanStep("1002", "the caller: skipped"));
        }
    }

    @BothEngines
    void huntRingsOneMemberAtATimeAndEndsAtAnExtensionWithItsOwnSettings(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004", "1009")
                .registered("1002", "1004", "1009")) {
            RingGroupService groups = groups(db, f);
            group(f, groups, 602, "sales", RingStrategy.HUNT, List.of("1002", "1003", "1004"),
                    Optional.of(new FinalAction("extension", "1009")));

            CallPlan first = f.router.plan("1001", "602");
            assertThat(rung(first)).containsExactly("1002");
            CallPlan second = f.router.follow(first, ring(first).onNoAnswer().orElseThrow());
            assertThat(rung(second)).as("1003 has no phone: skipped").containsExactly("1004");
            CallPlan last = f.router.follow(second, ring(second).onBusy().orElseThrow());

            CallPlan.Ring operator = ring(last);
            assertThat(operator.extension()).isEqualTo("1009");
            assertThat(operator.hunt()).as("an extension's own ring").isEmpty();
            assertThat(operator.forwards()).containsExactly(new Forward("sales", ForwardReason.BUSY, "1009", "1009"));
        }
    }

    @BothEngines
    void memoryHuntStartsAfterTheMemberWhoAnsweredLast(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004").registered("1002", "1003", "1004")) {
            RingGroupService groups = groups(db, f);
            group(f, groups, 603, "desk", RingStrategy.MEMORY_HUNT, List.of("1002", "1003", "1004"), Optional.empty());

            CallPlan plan = f.router.plan("1001", "603");
            assertThat(rung(plan)).containsExactly("1002");
            f.router.answered(plan, "1003");

            CallPlan next = f.router.plan("1001", "603");
            assertThat(rung(next)).containsExactly("1004");
            assertThat(ring(next).hunt().orElseThrow().members()).containsExactly("1002", "1003");
        }
    }

    @BothEngines
    void nobodyToRingWithoutAFinalActionIs480AndGroupsLeadingToEachOtherAreALoop(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003")) {
            RingGroupService groups = groups(db, f);
            group(f, groups, 604, "empty", RingStrategy.HUNT, List.of("1002"), Optional.empty());
            group(f, groups, 605, "first", RingStrategy.HUNT, List.of("1002"), Optional.empty());
            group(f, groups, 606, "second", RingStrategy.HUNT, List.of("1003"), Optional.of(new FinalAction("ring_group", "first")));
            groups.update("first", new NewRingGroup("first", RingStrategy.HUNT, List.of("1002"), 15,
                    Optional.of(new FinalAction("ring_group", "second"))), "test");

            assertThat(f.router.plan("1001", "604").action()).isEqualTo(new CallPlan.Reject(480, "nobody in empty answered"));
            CallPlan loop = f.router.plan("1001", "605");
            assertThat(loop.action()).isEqualTo(new CallPlan.Reject(482, "loop: ring_group first reached again"));
        }
    }
}
