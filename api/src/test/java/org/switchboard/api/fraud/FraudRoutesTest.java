package org.switchboard.api.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RolePolicy;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.fraud.CallPrice;
import org.switchboard.pbx.fraud.DailyUsage;
import org.switchboard.pbx.fraud.FraudService;
import org.switchboard.store.admin.AdminRole;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.fraud.FraudEvent;
import org.switchboard.store.fraud.JdbiBlockedPatternStore;
import org.switchboard.store.fraud.JdbiFraudEventStore;
import org.switchboard.store.fraud.JdbiFraudSettingsStore;
import org.switchboard.store.fraud.OutboundClass;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Fraud control over real HTTP on SQLite and PostgreSQL: settings, blocked patterns and an
 * extension's outbound class and limits read and changed (committed when the call returns), events
 * listed newest first; 400 naming the field, 404, 409; only administrators may use it.
 */
class FraudRoutesTest {
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private FraudService fraud;

    private ApiFixture serve(TestDatabase db) {
        new JdbiExtensionStore(db.database()).create(
                new NewExtension("1001", "Ext 1001", null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
        fraud = new FraudService(new JdbiFraudSettingsStore(db.database()), new JdbiBlockedPatternStore(db.database()),
                new JdbiFraudEventStore(db.database()), "1001"::equals, "office"::equals, Clock.systemUTC(), new EventBus());
        fraud.reloadCache();
        DailyUsage usage = new DailyUsage(new CallPrice(null), ZoneOffset.UTC, id -> Optional.empty());
        usage.add("1001", T0, 1_250_000, 3);
        return new ApiFixture(db, new FraudRoutes(fraud, usage, Clock.fixed(T0, ZoneOffset.UTC)));
    }

    @BothEngines
    void settingsPatternsAndAnExtensionsLimitsAreReadAndChanged(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(json(api.send("GET", "/api/fraud/settings", token, null)).get("default_permission").asText())
                    .isEqualTo("national");
            HttpResponse<String> saved = api.send("PUT", "/api/fraud/settings", token, """
                    {"default_permission":"local","international_prefixes":["00"],"national_prefixes":["0"],
                     "premium_prefixes":["0900"],"daily_budget":12.5,"daily_minutes":600,"max_international_calls":2,
                     "after_hours_rule":"office"}""");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json(saved).get("daily_budget").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(new JdbiFraudSettingsStore(db.database()).settings().dailySpendMicros()).as("committed")
                    .isEqualTo(12_500_000);

            HttpResponse<String> created = api.send("POST", "/api/fraud/patterns", token, """
                    {"prefix":"0900","reason":"premium lines"}""");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = json(created).get("id").asLong();
            assertThat(created.headers().firstValue("Location")).contains("/api/fraud/patterns/" + id);
            HttpResponse<String> off = api.send("PUT", "/api/fraud/patterns/" + id, token, """
                    {"prefix":"0900","reason":"premium lines","enabled":false}""");
            assertThat(json(off).get("enabled").asBoolean()).isFalse();
            assertThat(json(api.send("GET", "/api/fraud/patterns", token, null))).hasSize(1);
            assertThat(api.send("DELETE", "/api/fraud/patterns/" + id, token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("DELETE", "/api/fraud/patterns/" + id, token, null).statusCode()).isEqualTo(404);

            JsonNode defaults = json(api.send("GET", "/api/extensions/1001/outbound", token, null));
            assertThat(defaults.get("own").asBoolean()).isFalse();
            assertThat(defaults.at("/effective/permission").asText()).isEqualTo("local");
            assertThat(defaults.at("/today/spend").decimalValue()).isEqualByComparingTo("1.25");
            assertThat(defaults.at("/today/minutes").asLong()).isEqualTo(3);
            HttpResponse<String> own = api.send("PUT", "/api/extensions/1001/outbound", token, """
                    {"permission":"international","daily_budget":2}""");
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            assertThat(json(own).at("/effective/daily_budget").decimalValue()).isEqualByComparingTo("2");
            assertThat(json(own).at("/effective/daily_minutes").asLong()).as("the default").isEqualTo(600);
            assertThat(fraud.snapshot().limitsOf("1001").permission()).isEqualTo(OutboundClass.INTERNATIONAL);
            assertThat(api.send("DELETE", "/api/extensions/1001/outbound", token, null).statusCode()).isEqualTo(204);
            assertThat(json(api.send("GET", "/api/extensions/1001/outbound", token, null)).get("own").asBoolean()).isFalse();
            assertThat(api.send("GET", "/api/extensions/1999/outbound", token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void eventsAreListedNewestFirstAndFilteredByExtension(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            db.database().execute(h -> new JdbiFraudEventStore(db.database()).batchSink().write(h, List.of(
                    FraudEvent.refused(T0, "1001", "011441", "permission", "international calls not permitted"),
                    FraudEvent.refused(T0.plusSeconds(1), "1002", "1900", "blocked_pattern", "blocked destination"))));

            JsonNode all = json(api.send("GET", "/api/fraud/events", token, null));
            assertThat(all.findValuesAsText("extension")).containsExactly("1002", "1001");
            assertThat(all.get(1).get("rule").asText()).isEqualTo("permission");
            assertThat(json(api.send("GET", "/api/fraud/events?extension=1001&limit=5", token, null))).hasSize(1);
            HttpResponse<String> bad = api.send("GET", "/api/fraud/events?limit=0", token, null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("limit");
        }
    }

    @BothEngines
    void badInputIs400NamingTheFieldAndASecondPatternOfAPrefixIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String settings = """
                    {"default_permission":"local","international_prefixes":["00"],"daily_budget":1,"after_hours_rule":"office"}""";
            String[][] cases = {
                {"PUT", "/api/fraud/settings", settings.replace("\"local\"", "\"galactic\""), "default_permission"},
                {"PUT", "/api/fraud/settings", settings.replace("[\"00\"]", "[\"0x\"]"), "international_prefixes"},
                {"PUT", "/api/fraud/settings", settings.replace("\"daily_budget\":1", "\"daily_budget\":-1"), "daily_budget"},
                {"PUT", "/api/fraud/settings", settings.replace("\"daily_budget\":1", "\"daily_budget\":0.0000001"),
                    "daily_budget"},
                {"PUT", "/api/fraud/settings", settings.replace("\"office\"", "\"nowhere\""), "after_hours_rule"},
                {"PUT", "/api/fraud/settings", "{\"international_prefixes\":[]}", "default_permission"},
                {"POST", "/api/fraud/patterns", "{\"prefix\":\"19x\",\"reason\":\"r\"}", "prefix"},
                {"POST", "/api/fraud/patterns", "{\"prefix\":\"1900\"}", "reason"},
                {"PUT", "/api/extensions/1001/outbound", "{\"daily_minutes\":5}", "permission"},
                {"PUT", "/api/extensions/1001/outbound", "{\"permission\":\"everywhere\"}", "permission"},
                {"PUT", "/api/extensions/1001/outbound", "{\"permission\":\"local\",\"daily_minutes\":-5}", "daily_minutes"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send(c[0], c[1], token, c[2]);
                assertThat(r.statusCode()).as("%s %s %s: %s", c[0], c[1], c[2], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("%s %s", c[1], c[2]).isEqualTo(c[3]);
            }
            assertThat(api.send("POST", "/api/fraud/patterns", token, "{\"prefix\":\"1900\",\"reason\":\"r\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> again = api.send("POST", "/api/fraud/patterns", token, "{\"prefix\":\"1900\",\"reason\":\"r\"}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(json(again).at("/error/field").asText()).isEqualTo("prefix");
            assertThat(api.send("PUT", "/api/extensions/1999/outbound", token, "{\"permission\":\"local\"}").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void onlyAdministratorsUseFraudControlOrChangeAnExtensionsOutboundClass() {
        assertThat(RolePolicy.permits(AdminRole.OPERATOR, "GET", "/api/fraud/events")).isFalse();
        assertThat(RolePolicy.permits(AdminRole.READ_ONLY, "GET", "/api/fraud/settings")).isFalse();
        assertThat(RolePolicy.permits(AdminRole.OPERATOR, "PUT", "/api/extensions/1001/outbound")).isFalse();
        assertThat(RolePolicy.permits(AdminRole.OPERATOR, "GET", "/api/extensions/1001/outbound")).isTrue();
        assertThat(RolePolicy.permits(AdminRole.OPERATOR, "PUT", "/api/extensions/1001/call-settings")).isTrue();
        assertThat(RolePolicy.permits(AdminRole.ADMINISTRATOR, "PUT", "/api/fraud/settings")).isTrue();
    }
}
