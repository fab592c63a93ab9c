package org.switchboard.pbx.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.pbx.trunk.TrunkState;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.JdbiOutboundRouteStore;
import org.switchboard.store.route.NewLcrRate;
import org.switchboard.store.route.NewOutboundRoute;
import org.switchboard.store.route.TimeRate;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * The order a route's trunks are tried in, with real trunk and rate stores on both engines: the
 * route's order, or with LCR the rate in force (longest prefix, time-of-day and day-of-week rates),
 * unrated trunks after rated ones, and down, disabled or deleted trunks skipped with the reason.
 */
class TrunkOrderTest {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** A Tuesday at 10:00 and at 20:00, and a Saturday, in the server's zone. */
    private static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, ZONE);
    private static final ZonedDateTime TUESDAY_EVENING = TUESDAY_MORNING.withHour(20);
    private static final ZonedDateTime SATURDAY = ZonedDateTime.of(2026, 12, 12, 10, 0, 0, 0, ZONE);
    private static final String NUMBER = "15550002000";

    private final Map<String, TrunkState.Health> health = new HashMap<>();
    private TrunkService trunks;
    private LcrRateService rates;
    private OutboundRouteService routes;
    private TrunkOrder order;

    private void start(TestDatabase db, String... names) {
        trunks = new TrunkService(new JdbiSipTrunkStore(db.database()), new DeviceSecretCipher(DeviceSecretCipher.newKey()),
                Clock.systemUTC(), new EventBus());
        for (String name : names) {
            trunks.create(trunk(name, true), "test");
        }
        rates = new LcrRateService(new JdbiLcrRateStore(db.database()), trunks, Clock.systemUTC(), new EventBus());
        routes = new OutboundRouteService(new JdbiOutboundRouteStore(db.database()), trunks, Clock.systemUTC(), new EventBus());
        order = new TrunkOrder(trunks, t -> new TrunkState(TrunkState.Registration.UNREGISTERED,
                health.getOrDefault(t.name(), TrunkState.Health.UP), Optional.empty(),
                Optional.of("no answer to 3 OPTIONS in a row"), Optional.empty()), rates);
    }

    private static TrunkInput trunk(String name, boolean enabled) {
        return new TrunkInput(name, "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), enabled);
    }

    private static NewOutboundRoute route(boolean lcr, String... trunks) {
        return new NewOutboundRoute("external", "$1", List.of(trunks), lcr, Optional.empty());
    }

    private List<String> tried(NewOutboundRoute route, ZonedDateTime at) {
        return order.order(route, NUMBER, at).stream().filter(TrunkChoice::tried).map(TrunkChoice::trunk).toList();
    }

    @BothEngines
    void withoutLcrTheRoutesOrderIsKeptWhateverTheRates(TestDatabase db) {
        start(db, "a", "b", "c");
        rates.create(new NewLcrRate("c", "1", 1_000, List.of()), "test");

        assertThat(order.order(route(false, "a", "b", "c"), NUMBER, TUESDAY_MORNING))
                .extracting(TrunkChoice::describe).containsExactly("a: route order", "b: route order", "c: route order");
    }

    @BothEngines
    void withLcrTheCheapestRateForTheLongestPrefixComesFirstAndUnratedTrunksLast(TestDatabase db) {
        start(db, "a", "b", "c", "d");
        rates.create(new NewLcrRate("a", "1", 20_000, List.of()), "test");
        rates.create(new NewLcrRate("b", "1", 30_000, List.of()), "test");
        rates.create(new NewLcrRate("b", "1555", 5_000, List.of()), "test"); // the longer prefix wins for b
        rates.create(new NewLcrRate("d", "44", 1_000, List.of()), "test"); // another country: d has no rate here

        List<TrunkChoice> choices = order.order(route(true, "d", "c", "a", "b"), NUMBER, TUESDAY_MORNING);

        assertThat(choices).extracting(TrunkChoice::trunk).containsExactly("b", "a", "d", "c");
        assertThat(choices.getFirst().describe()).isEqualTo("b: rate 0.005/min (prefix 1555)");
        assertThat(choices.get(2).describe()).isEqualTo("d: no rate for this number: after the rated trunks");
    }

    @BothEngines
    void timeOfDayAndDayOfWeekRatesReplaceTheRateWhileTheyAreInForce(TestDatabase db) {
        start(db, "day", "night");
        rates.create(new NewLcrRate("day", "", 10_000, List.of()), "test");
        TimeRate evenings = new TimeRate(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), 18 * 60, 1440, 2_000);
        TimeRate weekends = new TimeRate(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 0, 1440, 3_000);
        rates.create(new NewLcrRate("night", "1", 50_000, List.of(evenings, weekends)), "test");
        NewOutboundRoute route = route(true, "night", "day");

        assertThat(tried(route, TUESDAY_MORNING)).as("weekday daytime: night's base rate").containsExactly("day", "night");
        assertThat(tried(route, TUESDAY_EVENING)).as("weekday evening").containsExactly("night", "day");
        assertThat(tried(route, SATURDAY)).as("weekend").containsExactly("night", "day");
        assertThat(order.order(route, NUMBER, TUESDAY_EVENING).getFirst().describe())
                .isEqualTo("night: rate 0.002/min (prefix 1, mon,tue,wed,thu,fri 18:00-24:00)");
    }

    @BothEngines
    void downDisabledAndDeletedTrunksAreSkippedWithTheReason(TestDatabase db) {
        start(db, "up", "down", "off", "gone");
        trunks.update("off", trunk("off", false), "test");
        health.put("down", TrunkState.Health.DOWN);
        NewOutboundRoute route = route(false, "gone", "down", "off", "up");
        trunks.delete("gone", "test");

        assertThat(order.order(route, NUMBER, TUESDAY_MORNING)).extracting(TrunkChoice::describe).containsExactly(
                "up: route order", "gone: skipped, no such trunk", "down: skipped, down (no answer to 3 OPTIONS in a row)",
                "off: skipped, disabled");
    }

    @BothEngines
    void aRouteOrRateNamingAnUnknownTrunkIsRefusedNamingTheField(TestDatabase db) {
        start(db, "a");

        assertThatThrownBy(() -> routes.create(route(false, "a", "nowhere"), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "trunks");
        assertThatThrownBy(() -> rates.create(new NewLcrRate("nowhere", "1", 1, List.of()), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "trunk");
    }

    @BothEngines
    void theChannelCountRefusesATrunkAtItsLimitAndFreesItWhenTheCallEnds(TestDatabase db) {
        start(db);
        trunks.create(new TrunkInput("small", "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 1, Optional.empty(), List.of(), true), "test");
        TrunkChannelCount channels = new TrunkChannelCount(trunks);

        assertThat(channels.seize("small", "call-1")).isTrue();
        assertThat(channels.seize("small", "call-2")).as("max_channels 1").isFalse();
        channels.free("call-1");
        assertThat(channels.seize("small", "call-2")).as("freed when the first call ended").isTrue();
        assertThat(channels.inUse("small")).isEqualTo(1);
    }
}
