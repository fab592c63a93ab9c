package org.switchboard.api.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.route.LcrRateService;
import org.switchboard.pbx.route.OutboundRouteService;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.JdbiOutboundRouteStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * Outbound routes and LCR rates over real HTTP on SQLite and PostgreSQL: CRUD, every change in the
 * database when the call returns (a second service on the same database sees it), 400 naming the
 * field, 404 and 409.
 */
class OutboundRouteRoutesTest {
    private static final String ROUTES = "/api/outbound-routes";
    private static final String RATES = "/api/lcr-rates";
    private static final String EXTERNAL = """
            {"name":"external","dial":"$1","trunks":["carrier","backup"],"lcr":false,"caller_id":"15550001000"}""";

    private ApiFixture serve(TestDatabase db) {
        TrunkService trunks = new TrunkService(new JdbiSipTrunkStore(db.database()),
                new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(), new EventBus());
        for (String name : List.of("carrier", "backup")) {
            trunks.create(new TrunkInput(name, "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                    Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true), "test");
        }
        OutboundRouteService routes = new OutboundRouteService(new JdbiOutboundRouteStore(db.database()), trunks,
                Clock.systemUTC(), new EventBus());
        LcrRateService rates = new LcrRateService(new JdbiLcrRateStore(db.database()), trunks, Clock.systemUTC(), new EventBus());
        routes.reloadCache();
        rates.reloadCache();
        return new ApiFixture(db, new OutboundRouteRoutes(routes, rates));
    }

    @BothEngines
    void aRouteIsCreatedReadUpdatedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", ROUTES, token, EXTERNAL);

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains(ROUTES + "/external");
            JsonNode route = json(api.send("GET", ROUTES + "/external", token, null));
            assertThat(route.get("trunks")).extracting(JsonNode::asText).containsExactly("carrier", "backup");
            assertThat(route.get("caller_id").asText()).isEqualTo("15550001000");
            HttpResponse<String> updated = api.send("PUT", ROUTES + "/external", token,
                    "{\"dial\":\"1$1\",\"trunks\":[\"backup\"],\"lcr\":true}");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            JsonNode stored = json(api.send("GET", ROUTES, token, null)).get(0);
            assertThat(stored.get("dial").asText()).isEqualTo("1$1");
            assertThat(stored.get("lcr").asBoolean()).isTrue();
            assertThat(stored.has("caller_id") && !stored.get("caller_id").isNull()).isFalse();
            assertThat(new JdbiOutboundRouteStore(db.database()).find("external").orElseThrow().values().trunks())
                    .as("committed when the call returned").containsExactly("backup");

            assertThat(api.send("DELETE", ROUTES + "/external", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", ROUTES + "/external", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", ROUTES + "/external", token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void badRoutesAre400NamingTheFieldAndATakenNameIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                {"{\"name\":\"a b\",\"dial\":\"$1\",\"trunks\":[\"carrier\"]}", "name"},
                {"{\"name\":\"r\",\"dial\":\"9$x\",\"trunks\":[\"carrier\"]}", "dial"},
                {"{\"name\":\"r\",\"trunks\":[\"carrier\"]}", "dial"},
                {"{\"name\":\"r\",\"dial\":\"$1\",\"trunks\":[]}", "trunks"},
                {"{\"name\":\"r\",\"dial\":\"$1\",\"trunks\":[\"nowhere\"]}", "trunks"},
                {"{\"name\":\"r\",\"dial\":\"$1\",\"trunks\":[\"carrier\",null]}", "trunks"},
                {"{\"name\":\"r\",\"dial\":\"$1\",\"trunks\":[\"carrier\"],\"caller_id\":\"abc\"}", "caller_id"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", ROUTES, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(api.send("POST", ROUTES, token, EXTERNAL).statusCode()).isEqualTo(201);
            HttpResponse<String> again = api.send("POST", ROUTES, token, EXTERNAL);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(json(again).at("/error/field").asText()).isEqualTo("name");
            HttpResponse<String> rename = api.send("PUT", ROUTES + "/external", token,
                    "{\"name\":\"other\",\"dial\":\"$1\",\"trunks\":[\"carrier\"]}");
            assertThat(rename.statusCode()).isEqualTo(400);
            assertThat(json(rename).at("/error/field").asText()).isEqualTo("name");
        }
    }

    @BothEngines
    void ratesWithTimeRatesAreCreatedReadReplacedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", RATES, token, """
                    {"trunk":"carrier","prefix":"1555","rate":0.0125,
                     "time_rates":[{"days":["sat","sun"],"from":"00:00","until":"24:00","rate":0.005}]}""");

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            long id = json(created).get("id").asLong();
            assertThat(created.headers().firstValue("Location")).contains(RATES + "/" + id);
            JsonNode rate = json(api.send("GET", RATES + "/" + id, token, null));
            assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo("0.0125");
            assertThat(rate.at("/time_rates/0/days")).extracting(JsonNode::asText).containsExactly("sat", "sun");
            assertThat(rate.at("/time_rates/0/until").asText()).isEqualTo("24:00");
            HttpResponse<String> replaced = api.send("PUT", RATES + "/" + id, token,
                    "{\"trunk\":\"backup\",\"prefix\":\"1\",\"rate\":10}");
            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            JsonNode listed = json(api.send("GET", RATES, token, null)).get(0);
            assertThat(listed.get("trunk").asText()).isEqualTo("backup");
            assertThat(listed.get("rate").toString()).isEqualTo("10");
            assertThat(listed.get("time_rates")).isEmpty();
            assertThat(new JdbiLcrRateStore(db.database()).find(id).orElseThrow().values().rateMicros())
                    .as("committed when the call returned").isEqualTo(10_000_000);

            assertThat(api.send("DELETE", RATES + "/" + id, token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", RATES + "/" + id, token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", RATES + "/x", token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void badRatesAre400NamingTheFieldAndASecondRateForAPrefixIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                {"{\"trunk\":\"nowhere\",\"rate\":1}", "trunk"},
                {"{\"trunk\":\"carrier\",\"prefix\":\"1a\",\"rate\":1}", "prefix"},
                {"{\"trunk\":\"carrier\"}", "rate"},
                {"{\"trunk\":\"carrier\",\"rate\":0.0000001}", "rate"},
                {"{\"trunk\":\"carrier\",\"rate\":-1}", "rate"},
                {"{\"trunk\":\"carrier\",\"rate\":1,\"time_rates\":[{\"days\":[\"xyz\"],\"from\":\"00:00\",\"until\":\"01:00\",\"rate\":1}]}",
                    "time_rates.days"},
                {"{\"trunk\":\"carrier\",\"rate\":1,\"time_rates\":[{\"days\":[\"mon\"],\"from\":\"25:00\",\"until\":\"01:00\",\"rate\":1}]}",
                    "time_rates.from"},
                {"{\"trunk\":\"carrier\",\"rate\":1,\"time_rates\":[{\"days\":[\"mon\"],\"from\":\"10:00\",\"until\":\"09:00\",\"rate\":1}]}",
                    "time_rates.until"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", RATES, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            String rate = "{\"trunk\":\"carrier\",\"prefix\":\"1\",\"rate\":1}";
            assertThat(api.send("POST", RATES, token, rate).statusCode()).isEqualTo(201);
            HttpResponse<String> again = api.send("POST", RATES, token, rate);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(json(again).at("/error/field").asText()).isEqualTo("prefix");
        }
    }
}
