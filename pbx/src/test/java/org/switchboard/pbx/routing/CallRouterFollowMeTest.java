package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.followme.FollowMeKind;
import org.switchboard.pbx.followme.FollowMeService;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.followme.FollowMe;
import org.switchboard.store.followme.FollowMeDestination;
import org.switchboard.store.followme.FollowMeStrategy;
import org.switchboard.store.followme.JdbiFollowMeStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Follow-me as the router plans a call to the extension: the desk phone, then the list in order or
 * together, each for its time, then the extension's last resort; forward always and do-not-disturb
 * come first. Real dial plan, call settings, registrar and follow-me service, on both engines.
 */
class CallRouterFollowMeTest {
    private static final ExtensionLastResort VOICEMAIL = (number, reason) -> Optional.of(new Destination("voicemail", number));

    private static FollowMeService service(TestDatabase db, CallRouterFixture f) {
        FollowMeService service = new FollowMeService(new JdbiFollowMeStore(db.database()), f.dialPlan.extensions,
                Clock.systemUTC(), new EventBus());
        f.dialPlan.dialPlan.kinds().register(new FollowMeKind(service, f.dialPlan.dialPlan.kinds()));
        f.dialPlan.dialPlan.kinds().register(new ApplicationKind("voicemail", "boxes", target -> { }));
        service.reloadCache();
        return service;
    }

    private static CallRouter router(TestDatabase db, CallRouterFixture f, FollowMe followMe) {
        service(db, f).put("1002", followMe, "test");
        return f.routerWith(VOICEMAIL);
    }

    private static FollowMe list(boolean deskFirst, FollowMeStrategy strategy) {
        return new FollowMe(true, deskFirst, 10, strategy,
                List.of(new FollowMeDestination("1003", 15), new FollowMeDestination("1004", 20)));
    }

    private static CallPlan.Ring ring(CallPlan plan) {
        assertThat(plan.action()).as("plan: %s", plan.steps()).isInstanceOf(CallPlan.Ring.class);
        return (CallPlan.Ring) plan.action();
    }

    private static List<String> rung(CallPlan plan) {
        return ring(plan).contacts().stream().map(Binding::extension).toList();
    }

    private static Duration ringTime(CallPlan plan) {
        return ring(plan).onNoAnswer().orElseThrow().after();
    }

    @BothEngines
    void theDeskPhoneThenEachNumberInOrderThenTheLastResort(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004").registered("1002", "1003", "1004")) {
            CallRouter router = router(db, f, list(true, FollowMeStrategy.IN_ORDER));

            CallPlan desk = router.plan("1001", "1002");
            CallPlan first = router.follow(desk, ring(desk).onNoAnswer().orElseThrow());
            CallPlan second = router.follow(first, ring(first).onBusy().orElseThrow());
            CallPlan last = router.follow(second, ring(second).onNoAnswer().orElseThrow());

            assertThat(ring(desk).extension()).as("the extension stays the callee until someone answers").isEqualTo("1002");
            assertThat(rung(desk)).containsExactly("1002");
            assertThat(ringTime(desk)).isEqualTo(Duration.ofSeconds(10));
            assertThat(rung(first)).containsExactly("1003");
            assertThat(ringTime(first)).isEqualTo(Duration.ofSeconds(15));
            assertThat(rung(second)).containsExactly("1004");
            assertThat(ringTime(second)).isEqualTo(Duration.ofSeconds(20));
            assertThat(last.action()).isEqualTo(new CallPlan.Apply(new Route.ToApplication("voicemail", "1002", "1002",
                    Optional.of("no_answer"))));
            assertThat(desk.steps()).startsWith(
                    new PlanStep("1002", "follow_me: 1002 for 10 s, then 1003 for 15 s, then 1004 for 20 s"),
                    new PlanStep("1002", "if nobody answers: voicemail 1002"));
        }
    }

    @BothEngines
    void withoutDeskFirstTheDeskRingsWithTheListAndTogetherRingsTheLongestTime(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004").registered("1002", "1003")) {
            CallRouter router = router(db, f, list(false, FollowMeStrategy.TOGETHER));

            CallPlan plan = router.plan("1001", "1002");

            assertThat(rung(plan)).as("1004 has no phone").containsExactly("1002", "1003");
            assertThat(ringTime(plan)).isEqualTo(Duration.ofSeconds(20));
            assertThat(router.follow(plan, ring(plan).onNoAnswer().orElseThrow()).action()).isInstanceOf(CallPlan.Apply.class);
        }
    }

    @BothEngines
    void anUnansweredListEndsInTheExtensionsForwardingOnNoAnswer(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004", "1005")
                .registered("1002", "1003", "1005")) {
            CallRouter router = router(db, f, list(true, FollowMeStrategy.TOGETHER));
            f.settings("1002", null, null, CallRouterFixture.on("1005"), NewCallSettings.DEFAULT_TIMEOUT_SECONDS, false);

            CallPlan desk = router.plan("1001", "1002");
            CallPlan list = router.follow(desk, ring(desk).onNoAnswer().orElseThrow());
            CallPlan forwarded = router.follow(list, ring(list).onNoAnswer().orElseThrow());

            assertThat(rung(list)).as("1004 has no phone").containsExactly("1003");
            assertThat(ringTime(list)).as("the longest of the list").isEqualTo(Duration.ofSeconds(20));
            assertThat(rung(forwarded)).containsExactly("1005");
            assertThat(ring(forwarded).forwardedBy()).containsExactly("1002");
        }
    }

    @BothEngines
    void forwardAlwaysAndDoNotDisturbComeBeforeFollowMe(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004", "1005")
                .registered("1002", "1003", "1004", "1005")) {
            CallRouter router = router(db, f, list(true, FollowMeStrategy.IN_ORDER));

            f.forwardAlways("1002", "1005");
            assertThat(rung(router.plan("1001", "1002"))).containsExactly("1005");

            f.settings("1002", null, null, null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true);
            assertThat(router.plan("1001", "1002").action()).isEqualTo(new CallPlan.Apply(new Route.ToApplication("voicemail",
                    "1002", "1002", Optional.of("do_not_disturb"))));
        }
    }

    @BothEngines
    void aListedNumberThatCallsIsSkippedAndADisabledListRingsTheDeskAlone(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1002", "1003", "1004").registered("1002", "1003", "1004")) {
            FollowMeService service = service(db, f);
            CallRouter router = f.routerWith(VOICEMAIL);
            service.put("1002", list(false, FollowMeStrategy.TOGETHER), "test");
            assertThat(rung(router.plan("1003", "1002"))).containsExactly("1002", "1004");

            service.put("1002", new FollowMe(false, true, 10, FollowMeStrategy.IN_ORDER, List.of()), "test");
            assertThat(rung(router.plan("1003", "1002"))).containsExactly("1002");
            assertThat(ring(router.plan("1003", "1002")).hunt()).isEmpty();
        }
    }
}
