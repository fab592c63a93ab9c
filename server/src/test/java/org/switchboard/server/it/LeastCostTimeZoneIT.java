package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Least-cost routing reads its time-of-day rates in {@code calls.time_zone}, like time rules: with
 * the node's clock at Tuesday 10:00 in Kiritimati (UTC+14, still Monday evening in UTC), trunk
 * {@code daytime}'s Tuesday-morning rate makes it cheaper than {@code flat}, and the dial plan's
 * test lists it first. No call is placed: the order is what every call would use.
 */
class LeastCostTimeZoneIT {
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void timeRatesFollowTheConfiguredTimeZone() throws Exception {
        Instant tuesdayMorning = ZonedDateTime.now(KIRITIMATI).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .withHour(10).withMinute(0).toInstant();
        Clock moved = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), tuesdayMorning));
        Server server = Server.start(NodeConfig.load(dir, opened.add(TestDatabases.sqlite()), TestNode.BASE + """
                calls: {time_zone: Pacific/Kiritimati}
                extensions:
                  - {number: "3001", name: Caller, password: lcr-secret-3001}
                """), moved, "test");
        opened.add(server::stop);
        ApiClient api = opened.add(new ApiClient(server.httpPort()));
        api.login(TestNode.ADMIN, TestNode.ADMIN_PASSWORD);
        for (String trunk : new String[] {"flat", "daytime"}) {
            CarrierCalls.created(api.post("/api/trunks", """
                    {"name":"%s","host":"127.0.0.1","port":5099,"register":false,"options_interval":0}""".formatted(trunk)));
        }
        CarrierCalls.created(api.post("/api/lcr-rates", """
                {"trunk":"flat","prefix":"1","rate":0.02}"""));
        CarrierCalls.created(api.post("/api/lcr-rates", """
                {"trunk":"daytime","prefix":"1","rate":0.03,
                 "time_rates":[{"days":["tue"],"from":"09:00","until":"11:00","rate":0.01}]}"""));
        CarrierCalls.created(api.post("/api/outbound-routes", """
                {"name":"external","dial":"$1","trunks":["flat","daytime"],"lcr":true}"""));
        CarrierCalls.created(api.post("/api/dialplan/rules", """
                {"priority":5,"name":"outside line","pattern":"9(1[0-9]{10})","action":"outbound","target":"external"}"""));

        String details = api.getJson("/api/dialplan/test?from=3001&to=915551234567").at("/plan/details").toString();
        assertThat(details).as("Tuesday morning in Kiritimati: the time rate").contains("daytime:", "flat:");
        assertThat(details.indexOf("daytime:")).as(details).isLessThan(details.indexOf("flat:"));
    }
}
