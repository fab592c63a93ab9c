package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.TimeRuleKind;
import org.switchboard.pbx.route.TimeRuleService;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.route.Holiday;
import org.switchboard.store.route.JdbiTimeRuleStore;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.NewTimeRule.Branch;
import org.switchboard.store.route.OpenHours;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Time rules as the router plans them, on a clock the test moves: a dial-plan rule and a directly
 * named destination (an inbound route's) reach the open branch within the hours, read in the
 * server's zone (Europe/Berlin here, an hour ahead of UTC in December), and the closed branch after
 * hours and on a holiday; each plan says which branch and why. Real dial plan, call settings,
 * registrar and time-rule service, on both engines.
 */
class CallRouterTimeRuleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY_11_BERLIN = Instant.parse("2026-12-07T10:00:00Z");

    private static TimeRuleService rules(TestDatabase db, CallRouterFixture f, TestClock clock) {
        TimeRuleService rules = new TimeRuleService(new JdbiTimeRuleStore(db.database()), f.dialPlan.dialPlan.kinds(),
                clock, new EventBus());
        f.dialPlan.dialPlan.kinds().register(new TimeRuleKind(rules, clock, BERLIN));
        f.dialPlan.dialPlan.kinds().register(new ApplicationKind("voicemail", "boxes", target -> { }));
        rules.reloadCache();
        rules.create(new NewTimeRule("office", List.of(new OpenHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                9 * 60, 17 * 60)), List.of(new Holiday(LocalDate.parse("2026-12-25"), "Christmas")),
                new Branch("extension", "1002"), new Branch("voicemail", "1002")), "test");
        f.dialPlan.dialPlan.create(new NewDialPlanRule(5, "office line", "500",
                RuleAction.parse(TimeRuleKind.NAME).orElseThrow(), "office"), "test");
        return rules;
    }

    @BothEngines
    void openHoursRingTheOpenBranchAndClosedHoursAndHolidaysGoToTheClosedOne(TestDatabase db) {
        TestClock clock = new TestClock(MONDAY_11_BERLIN);
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002").registered("1002")) {
            rules(db, f, clock);

            CallPlan open = f.router.plan("1001", "500");
            assertThat(open.action()).as("plan: %s", open.steps()).isInstanceOf(CallPlan.Ring.class);
            assertThat(open.steps().getFirst()).isEqualTo(new PlanStep("office",
                    "time_rule office: open (Mon 2026-12-07 11:00 Europe/Berlin): extension 1002"));

            clock.advance(Duration.ofMinutes(6 * 60 + 30)); // 16:30 UTC: open in UTC, but 17:30 in Berlin
            CallPlan evening = f.router.plan("1001", new Destination(TimeRuleKind.NAME, "office"), "15550001000");
            assertThat(evening.action()).isInstanceOfSatisfying(CallPlan.Apply.class, a -> assertThat(a.destination())
                    .isEqualTo(new Route.ToApplication("voicemail", "1002", "15550001000", Optional.empty())));
            assertThat(evening.steps().getFirst().outcome())
                    .isEqualTo("time_rule office: closed (Mon 2026-12-07 17:30 Europe/Berlin is outside the hours): voicemail 1002");

            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-25T10:00:00Z"))); // a Friday
            CallPlan christmas = f.router.plan("1001", "500");
            assertThat(christmas.action()).isInstanceOf(CallPlan.Apply.class);
            assertThat(christmas.steps().getFirst().outcome()).contains("closed (Fri 2026-12-25 11:00 Europe/Berlin is holiday Christmas)");
        }
    }

    @BothEngines
    void aBranchMustBeAKnownKindOtherThanATimeRuleWithAValidTarget(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002")) {
            TimeRuleService rules = rules(db, f, new TestClock(MONDAY_11_BERLIN));

            assertThatThrownBy(() -> rules.create(new NewTimeRule("loop", List.of(), List.of(),
                    new Branch("extension", "1002"), new Branch(TimeRuleKind.NAME, "office")), "test"))
                    .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "closed.action");
            assertThatThrownBy(() -> rules.create(new NewTimeRule("bad", List.of(), List.of(),
                    new Branch("extension", "front desk"), new Branch("voicemail", "1002")), "test"))
                    .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "open.target");
            assertThatThrownBy(() -> f.dialPlan.dialPlan.create(new NewDialPlanRule(6, "nowhere", "501",
                    RuleAction.parse(TimeRuleKind.NAME).orElseThrow(), "nowhere"), "test"))
                    .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "target");
        }
    }
}
