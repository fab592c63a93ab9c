package org.switchboard.pbx.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.route.LcrRateService;
import org.switchboard.pbx.route.OutboundCheck.Refusal;
import org.switchboard.pbx.route.TimeRuleChoice;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.CdrEntry;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.fraud.ExtensionLimits;
import org.switchboard.store.fraud.FraudSettings;
import org.switchboard.store.fraud.JdbiBlockedPatternStore;
import org.switchboard.store.fraud.JdbiFraudEventStore;
import org.switchboard.store.fraud.JdbiFraudSettingsStore;
import org.switchboard.store.fraud.NewBlockedPattern;
import org.switchboard.store.fraud.OutboundClass;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.NewLcrRate;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.OpenHours;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * The fraud checks with real stores on both engines and a fixed clock: number classes, the
 * permission ladder, blocked prefixes, budgets priced with the LCR rates (live and from the CDRs
 * after a restart), the cap on international calls up at once, and after-hours blocking by a time rule.
 */
class FraudGuardTest {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** A Tuesday at 10:00 in the server's zone: the office is open 09:00-17:00 on weekdays. */
    private static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, ZONE);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final NewTimeRule OFFICE = new NewTimeRule("office",
            List.of(new OpenHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 9 * 60, 17 * 60)), List.of(),
            new NewTimeRule.Branch("extension", "1001"), new NewTimeRule.Branch("extension", "1001"));

    private final Map<String, String> trunkOfCall = new HashMap<>();
    private Database database;
    private FraudService fraud;
    private DailyUsage usage;
    private FraudEventLog events;
    private TrunkService trunks;
    private LcrRateService rates;

    private FraudGuard start(TestDatabase db, Instant now) {
        database = db.database();
        for (String n : List.of("1001", "1002")) {
            new JdbiExtensionStore(database).create(
                    new NewExtension(n, "Ext " + n, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), now);
        }
        trunks = new TrunkService(new JdbiSipTrunkStore(database), new DeviceSecretCipher(DeviceSecretCipher.newKey()),
                Clock.systemUTC(), new EventBus());
        trunks.create(new TrunkInput("carrier", "192.0.2.1", OptionalInt.of(5060), "udp", Optional.empty(),
                Optional.empty(), Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(),
                true), "test");
        rates = new LcrRateService(new JdbiLcrRateStore(database), trunks, Clock.systemUTC(), new EventBus());
        rates.create(new NewLcrRate("carrier", "1", 100_000, List.of()), "test"); // 0.10 a minute
        rates.create(new NewLcrRate("carrier", "01144", 250_000, List.of()), "test"); // 0.25 a minute
        JdbiFraudEventStore eventStore = new JdbiFraudEventStore(database);
        fraud = new FraudService(new JdbiFraudSettingsStore(database), new JdbiBlockedPatternStore(database), eventStore,
                n -> n.startsWith("100"), "office"::equals, Clock.systemUTC(), new EventBus());
        fraud.reloadCache();
        usage = new DailyUsage(new CallPrice(rates), ZONE, id -> Optional.ofNullable(trunkOfCall.get(id)));
        events = new FraudEventLog(database, eventStore);
        return guard(now);
    }

    private FraudGuard guard(Instant now) {
        return new FraudGuard(fraud, usage, (rule, at) -> Optional.of(TimeRuleChoice.of(OFFICE, at)),
                Clock.fixed(now, ZONE), events);
    }

    @AfterEach
    void closeLog() {
        if (events != null) {
            events.close();
        }
    }

    private void settings(OutboundClass permission, long budgetMicros, int minutes, int maxInternational,
            Optional<String> afterHours) {
        fraud.saveSettings(new FraudSettings(permission, List.of("011", "00"), List.of("1"), List.of("1900", "900"),
                budgetMicros, minutes, maxInternational, afterHours), "test");
    }

    private static Optional<String> reason(Optional<Refusal> refusal) {
        refusal.ifPresent(r -> assertThat(r.status()).isEqualTo(403));
        return refusal.map(Refusal::reason);
    }

    @Test
    void numbersAreClassedPremiumFirstThenInternationalNationalAndLocal() {
        FraudSettings s = new FraudSettings(OutboundClass.NATIONAL, List.of("011", "00"), List.of("1", "0"),
                List.of("1900", "900"), 0, 0, 0, Optional.empty());
        assertThat(NumberClasses.of(s, "19005551234")).isEqualTo(OutboundClass.PREMIUM);
        assertThat(NumberClasses.of(s, "9005551234")).isEqualTo(OutboundClass.PREMIUM);
        assertThat(NumberClasses.of(s, "011442071234567")).isEqualTo(OutboundClass.INTERNATIONAL);
        assertThat(NumberClasses.of(s, "00442071234567")).isEqualTo(OutboundClass.INTERNATIONAL);
        assertThat(NumberClasses.of(s, "+442071234567")).isEqualTo(OutboundClass.INTERNATIONAL);
        assertThat(NumberClasses.of(s, "15550002000")).isEqualTo(OutboundClass.NATIONAL);
        assertThat(NumberClasses.of(s, "0301234567")).isEqualTo(OutboundClass.NATIONAL);
        assertThat(NumberClasses.of(s, "5550002")).isEqualTo(OutboundClass.LOCAL);
    }

    @BothEngines
    void eachClassAllowsTheOnesBeforeItAndARefusalIsAStoredEvent(TestDatabase db) {
        Instant now = TUESDAY_MORNING.toInstant();
        FraudGuard guard = start(db, now);
        settings(OutboundClass.NATIONAL, 0, 0, 0, Optional.empty());
        fraud.saveLimits(new ExtensionLimits("1002", OutboundClass.INTERNAL, null, null, null), "test");

        assertThat(guard.check("1001", "15550002000")).as("national by default").isEmpty();
        assertThat(reason(guard.check("1001", "011442071234567"))).contains("Forbidden - international calls not permitted");
        assertThat(reason(guard.check("1001", "19005551234"))).contains("Forbidden - premium calls not permitted");
        assertThat(reason(guard.check("1002", "5550002"))).contains("Forbidden - outside calls not permitted");
        fraud.saveLimits(new ExtensionLimits("1001", OutboundClass.PREMIUM, null, null, null), "test");
        assertThat(guard.check("1001", "19005551234")).isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> fraud.events(Optional.empty(), 10).size() == 3);
        assertThat(fraud.events(Optional.of("1002"), 10)).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("permission");
            assertThat(e.number()).isEqualTo("5550002");
            assertThat(e.action()).isEqualTo("refused");
            assertThat(e.occurredAt()).isEqualTo(now);
        });
    }

    @BothEngines
    void theLongestEnabledBlockedPrefixRefusesWithItsReasonInTheEvent(TestDatabase db) {
        FraudGuard guard = start(db, TUESDAY_MORNING.toInstant());
        settings(OutboundClass.INTERNATIONAL, 0, 0, 0, Optional.empty());
        fraud.createPattern(new NewBlockedPattern("01153", "Cuba", true), "test");
        long off = fraud.createPattern(new NewBlockedPattern("01144", "switched off", false), "test").id();

        assertThat(reason(guard.check("1001", "0115371234"))).contains("Forbidden - blocked destination");
        assertThat(guard.check("1001", "011442071234567")).as("a disabled pattern").isEmpty();
        fraud.updatePattern(off, new NewBlockedPattern("01144", "on again", true), "test");
        assertThat(reason(guard.check("1001", "011442071234567"))).contains("Forbidden - blocked destination");

        await().atMost(Duration.ofSeconds(10)).until(() -> fraud.events(Optional.empty(), 10).size() == 2);
        assertThat(fraud.events(Optional.empty(), 10).getLast().reason()).isEqualTo("blocked destination 01153: Cuba");
    }

    @BothEngines
    void theDailyBudgetIsSpentByTrunkCallsPricedWithTheirTrunksRatePerStartedMinute(TestDatabase db) {
        Instant now = TUESDAY_MORNING.toInstant();
        FraudGuard guard = start(db, now);
        settings(OutboundClass.INTERNATIONAL, 0, 0, 0, Optional.empty());
        fraud.saveLimits(new ExtensionLimits("1001", OutboundClass.INTERNATIONAL, 1_000_000L, null, null), "test");

        // 3 min 10 s to the UK at 0.25: four started minutes, 1.00.
        call("a", "1001", "011442071234567", now.minusSeconds(600), Duration.ofSeconds(190), Optional.of("carrier"));
        // An extension-to-extension call holds no trunk and costs nothing.
        call("b", "1001", "1002", now.minusSeconds(300), Duration.ofSeconds(600), Optional.empty());

        assertThat(usage.today("1001", now)).extracting(DailyUsage.Usage::spendMicros, DailyUsage.Usage::minutes)
                .containsExactly(1_000_000L, 4L);
        assertThat(reason(guard.check("1001", "15550002000"))).contains("Forbidden - daily budget exceeded");
        assertThat(guard.check("1002", "15550002000")).as("another extension's budget").isEmpty();
        assertThat(guard(now.plus(Duration.ofDays(1))).check("1001", "15550002000")).as("a new day").isEmpty();

        fraud.saveLimits(new ExtensionLimits("1001", OutboundClass.INTERNATIONAL, 0L, 4, null), "test");
        assertThat(reason(guard.check("1001", "15550002000"))).contains("Forbidden - daily minutes exceeded");
    }

    @BothEngines
    void todaysSpendIsLoadedBackFromTheCdrsOfTrunkCallsAfterARestart(TestDatabase db) {
        Instant now = TUESDAY_MORNING.toInstant();
        start(db, now);
        JdbiCdrStore cdrs = new JdbiCdrStore(database, Clock.systemUTC());
        Instant answered = now.minusSeconds(3600);
        database.execute(h -> cdrs.entrySink().write(h, List.of(
                cdr("trunk-call", "15550002000", "192.0.2.1:5060", answered, 61),
                cdr("internal-call", "1002", "127.0.0.1:5070", answered, 600),
                cdr("yesterday", "15550002000", "192.0.2.1:5060", answered.minus(Duration.ofDays(1)), 600))));

        DailyUsage reloaded = new DailyUsage(new CallPrice(rates), ZONE, id -> Optional.empty());
        int priced = new UsageFromCdrs(cdrs, trunks, new CallPrice(rates)).load(reloaded, now, ZONE);

        assertThat(priced).as("only today's call to the trunk's address").isEqualTo(1);
        assertThat(reloaded.today("1001", now)).extracting(DailyUsage.Usage::spendMicros, DailyUsage.Usage::minutes)
                .containsExactly(200_000L, 2L);
    }

    @BothEngines
    void internationalCallsUpAtOnceAreCapped(TestDatabase db) {
        Instant now = TUESDAY_MORNING.toInstant();
        FraudGuard guard = start(db, now);
        settings(OutboundClass.INTERNATIONAL, 0, 0, 1, Optional.empty());

        usage.started("up", "1001", "011442071234567");
        assertThat(reason(guard.check("1001", "011331234567"))).contains("Forbidden - too many international calls");
        assertThat(guard.check("1001", "15550002000")).as("national calls are not capped").isEmpty();
        assertThat(guard.check("1002", "011331234567")).as("the cap is per extension").isEmpty();
        usage.ended("up", now);
        assertThat(guard.check("1001", "011331234567")).isEmpty();
    }

    @BothEngines
    void internationalAndPremiumCallsAreRefusedWhileTheAfterHoursRuleIsClosed(TestDatabase db) {
        Instant morning = TUESDAY_MORNING.toInstant();
        start(db, morning);
        settings(OutboundClass.PREMIUM, 0, 0, 0, Optional.of("office"));
        FraudGuard evening = guard(TUESDAY_MORNING.withHour(20).toInstant());

        assertThat(guard(morning).check("1001", "011442071234567")).as("open hours").isEmpty();
        assertThat(reason(evening.check("1001", "011442071234567")))
                .contains("Forbidden - international calls blocked after hours");
        assertThat(reason(evening.check("1001", "19005551234"))).contains("Forbidden - premium calls blocked after hours");
        assertThat(evening.check("1001", "15550002000")).as("national calls after hours").isEmpty();
    }

    private void call(String id, String caller, String number, Instant answered, Duration talk, Optional<String> trunk) {
        trunk.ifPresent(t -> trunkOfCall.put(id, t));
        usage.started(id, caller, number);
        usage.answered(id, answered);
        usage.ended(id, answered.plus(talk));
    }

    private static CdrEntry cdr(String callId, String callee, String calleeAddress, Instant answered, long seconds) {
        return CdrEntry.complete(new CallRecord(callId, "1001", callee, answered.minusSeconds(5), answered,
                answered.plusSeconds(seconds), Disposition.ANSWERED, "BYE", "PCMU", "127.0.0.1:5062", calleeAddress,
                "1001"));
    }
}
