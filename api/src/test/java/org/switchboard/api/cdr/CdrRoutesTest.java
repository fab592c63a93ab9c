package org.switchboard.api.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** CDR listing and CSV export over real HTTP. */
class CdrRoutesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final List<CallRecord> CALLS = List.of(
            new CallRecord("c1", "1001", "1002", T0, T0.plusSeconds(2), T0.plusSeconds(62), Disposition.ANSWERED,
                    "BYE from callee", "PCMA", "127.0.0.1:5060", "127.0.0.1:5070", null),
            new CallRecord("c2", "1002", "1003", T0.plusSeconds(86_400), null, T0.plusSeconds(86_420),
                    Disposition.NO_ANSWER, "480 Temporarily Unavailable", null, "127.0.0.1:5070", null, null),
            new CallRecord("c3", "1003", "1001", T0.plusSeconds(2 * 86_400), null, T0.plusSeconds(2 * 86_400 + 1),
                    Disposition.BUSY, "486 Busy Here", null, null, null, null));

    private static TestDatabase shared;
    private static ApiFixture api;
    private static String token;

    @BeforeAll
    static void start() {
        shared = TestDatabases.sqlite();
        api = serve(shared);
        token = api.login();
    }

    @AfterAll
    static void stop() {
        api.close();
        shared.close();
    }

    private static ApiFixture serve(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), () -> T0);
        db.database().execute(h -> store.batchSink().write(h, CALLS));
        return new ApiFixture(db, new CdrRoutes(new CdrService(store)));
    }

    @BothEngines
    void listFiltersByExtensionNewestFirstWithTheTotal(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            HttpResponse<String> r = api.send("GET", "/api/cdr?extension=1001", api.login(), null);

            assertThat(r.statusCode()).as("GET /api/cdr?extension=1001: %s", r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.get("total").asLong()).isEqualTo(2);
            assertThat(ids(body)).containsExactly("c3", "c1");
            JsonNode c1 = body.get("items").get(1);
            assertThat(c1.get("disposition").asText()).isEqualTo("ANSWERED");
            assertThat(c1.get("billable_seconds").asLong()).isEqualTo(60);
            assertThat(c1.get("started_at").asText()).isEqualTo("2026-03-01T09:00:00Z");
            assertThat(body.get("items").get(0).has("answered_at")).as("unanswered call has no answered_at").isFalse();
        }
    }

    @BothEngines
    void listFiltersByDayRangeAndDispositionAndPages(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(ids(json(api.send("GET", "/api/cdr?from=2026-03-02&to=2026-03-02", token, null)))).containsExactly("c2");
            assertThat(ids(json(api.send("GET", "/api/cdr?disposition=NO%20ANSWER", token, null)))).containsExactly("c2");
            assertThat(ids(json(api.send("GET", "/api/cdr?disposition=busy", token, null)))).containsExactly("c3");
            JsonNode page = json(api.send("GET", "/api/cdr?limit=1&offset=1", token, null));
            assertThat(ids(page)).containsExactly("c2");
            assertThat(page.get("total").asLong()).isEqualTo(3);
            assertThat(page.get("limit").asInt()).isEqualTo(1);
        }
    }

    @BothEngines
    void csvExportHasTheSameFiltersAndEveryColumn(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            HttpResponse<String> r = api.send("GET", "/api/cdr.csv?extension=1002&from=2026-03-01T00:00:00Z", api.login(), null);

            assertThat(r.statusCode()).as("GET /api/cdr.csv: %s", r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
            assertThat(r.headers().firstValue("Content-Disposition")).get().asString().contains("cdr.csv");
            List<String> lines = r.body().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("call_id,caller,callee,started_at,answered_at,ended_at,duration_seconds,"
                    + "billable_seconds,disposition,hangup_cause,codec,caller_address,callee_address,status");
            assertThat(lines.get(1)).startsWith("c2,1002,1003,2026-03-02T09:00:00Z,,").contains("NO ANSWER");
            assertThat(lines.get(2)).startsWith("c1,1001,1002,");
        }
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        String[][] cases = {
                {"/api/cdr?from=yesterday", "from"},
                {"/api/cdr?to=2026-13-01", "to"},
                {"/api/cdr?from=2026-03-02&to=2026-03-01T00:00:00Z", "to"},
                {"/api/cdr?disposition=RINGING", "disposition"},
                {"/api/cdr?limit=0", "limit"},
                {"/api/cdr?limit=ten", "limit"},
                {"/api/cdr?offset=-5", "offset"},
                {"/api/cdr?extention=1001", "extention"},
                {"/api/cdr.csv?from=nope", "from"},
                {"/api/cdr.csv?limit=10", "limit"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.send("GET", c[0], token, null);
            assertThat(r.statusCode()).as("GET %s: %s", c[0], r.body()).isEqualTo(400);
            assertThat(json(r).at("/error/field").asText()).as("GET %s", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void farOffInstantsAre400NamingTheParameterAndTheCsvExportStartsNoFile() {
        String[][] cases = {
                {"/api/cdr?from=%2B999999999-12-31T23:59:59Z", "from"},
                {"/api/cdr?to=-999999999-01-01T00:00:00Z", "to"},
                {"/api/cdr.csv?from=%2B999999999-12-31T23:59:59Z", "from"},
                {"/api/cdr.csv?to=%2B10000-01-01T00:00:01Z", "to"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.send("GET", c[0], token, null);
            assertThat(r.statusCode()).as("GET %s: %s", c[0], r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as("GET %s", c[0]).get().asString()
                    .startsWith("application/json");
            assertThat(r.headers().firstValue("Content-Disposition")).as("GET %s", c[0]).isEmpty();
            assertThat(json(r).at("/error/field").asText()).as("GET %s: %s", c[0], r.body()).isEqualTo(c[1]);
        }
        assertThat(api.send("GET", "/api/cdr.csv?to=9999-12-31", token, null).statusCode())
                .as("the last day of year 9999 is still a valid filter").isEqualTo(200);
    }

    @Test
    void routesNeedATokenAndAreDocumented() {
        assertThat(api.send("GET", "/api/cdr", null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", "/api/cdr.csv", null, null).statusCode()).isEqualTo(401);
        assertThat(api.server.openApi().operations())
                .contains(new RouteKey("GET", "/api/cdr"), new RouteKey("GET", "/api/cdr.csv"));
        assertThat(api.server.registeredRoutes())
                .contains(new RouteKey("GET", "/api/cdr"), new RouteKey("GET", "/api/cdr.csv"));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("call_id").asText()));
        return ids;
    }
}
