package org.switchboard.api.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Optional;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.TimeRuleKind;
import org.switchboard.pbx.route.TimeRuleService;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.route.JdbiTimeRuleStore;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.OpenHours;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Time rules over real HTTP on SQLite and PostgreSQL: CRUD with hours and holidays, committed when
 * the call returns; 400 naming the field (hours, holidays, each branch's action and target, a branch
 * that is itself a time rule), 404 and 409.
 */
class TimeRuleRoutesTest {
    private static final String PATH = "/api/time-rules";
    private static final String OFFICE = """
            {"name":"office","hours":[{"days":["mon","tue","wed","thu","fri"],"from":"09:00","until":"17:30"}],
             "holidays":[{"date":"2026-12-25","name":"Christmas"}],
             "open":{"action":"extension","target":"1002"},"closed":{"action":"extension","target":"1003"}}""";

    private TimeRuleService rules;

    private ApiFixture serve(TestDatabase db) {
        // The built-in kinds and time_rule itself; every number is an extension for the kind's check.
        DestinationKinds kinds = DestinationKinds.builtIn(number -> Optional.of(true));
        rules = new TimeRuleService(new JdbiTimeRuleStore(db.database()), kinds, Clock.systemUTC(), new EventBus());
        kinds.register(new TimeRuleKind(rules, Clock.systemUTC(), Clock.systemUTC().getZone()));
        rules.reloadCache();
        return new ApiFixture(db, new TimeRuleRoutes(rules));
    }

    @BothEngines
    void aRuleIsCreatedReadUpdatedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", PATH, token, OFFICE);

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains(PATH + "/office");
            JsonNode rule = json(api.send("GET", PATH + "/office", token, null));
            assertThat(rule.at("/hours/0/days").toString()).isEqualTo("[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]");
            assertThat(rule.at("/hours/0/until").asText()).isEqualTo("17:30");
            assertThat(rule.at("/holidays/0/name").asText()).isEqualTo("Christmas");
            assertThat(rule.at("/closed/target").asText()).isEqualTo("1003");

            HttpResponse<String> updated = api.send("PUT", PATH + "/office", token, """
                    {"hours":[{"days":["sat"],"from":"10:00","until":"14:00"}],
                     "open":{"action":"extension","target":"1004"},"closed":{"action":"reject","target":"480"}}""");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            NewTimeRule stored = new JdbiTimeRuleStore(db.database()).list().getFirst().values();
            assertThat(stored.hours()).as("committed when the call returned")
                    .containsExactly(new OpenHours(EnumSet.of(DayOfWeek.SATURDAY), 600, 840));
            assertThat(stored.holidays()).isEmpty();
            assertThat(rules.get("office").values().closed()).isEqualTo(new NewTimeRule.Branch("reject", "480"));
            assertThat(json(api.send("GET", PATH, token, null))).hasSize(1);

            assertThat(api.send("DELETE", PATH + "/office", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", PATH + "/office", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/office", token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void badRulesAre400NamingTheFieldAndASecondRuleOfANameIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                {OFFICE.replace("\"office\"", "\"front desk\""), "name"},
                {OFFICE.replace("\"fri\"", "\"fry\""), "hours.days"},
                {OFFICE.replace("\"09:00\"", "\"9am\""), "hours.from"},
                {OFFICE.replace("\"17:30\"", "\"08:00\""), "hours.until"},
                {OFFICE.replace("2026-12-25", "25.12.2026"), "holidays.date"},
                {OFFICE.replace("\"open\":{\"action\":\"extension\",\"target\":\"1002\"},", ""), "open"},
                {OFFICE.replace("\"action\":\"extension\",\"target\":\"1002\"", "\"action\":\"nowhere\",\"target\":\"1002\""),
                    "open.action"},
                {OFFICE.replace("\"target\":\"1003\"", "\"target\":\"desk\""), "closed.target"},
                {OFFICE.replace("\"action\":\"extension\",\"target\":\"1003\"", "\"action\":\"time_rule\",\"target\":\"office\""),
                    "closed.action"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", PATH, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(api.send("POST", PATH, token, OFFICE).statusCode()).isEqualTo(201);
            HttpResponse<String> again = api.send("POST", PATH, token, OFFICE);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(json(again).at("/error/field").asText()).isEqualTo("name");
            HttpResponse<String> renamed = api.send("PUT", PATH + "/office", token, OFFICE.replace("\"office\"", "\"shop\""));
            assertThat(renamed.statusCode()).isEqualTo(400);
            assertThat(json(renamed).at("/error/field").asText()).isEqualTo("name");
        }
    }
}
