package org.switchboard.api.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.InboundRouteService;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.route.JdbiInboundRouteStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Inbound routes over real HTTP on SQLite and PostgreSQL: CRUD, committed when the call returns,
 * the default route taking unknown DIDs, 400 naming the field (the action must be a destination
 * kind, the target one of that kind), 404 and 409.
 */
class InboundRouteRoutesTest {
    private static final String PATH = "/api/inbound-routes";

    private InboundRouteService routes;

    private ApiFixture serve(TestDatabase db) {
        // Only the built-in kinds; every number is an extension for the kind's check.
        routes = new InboundRouteService(new JdbiInboundRouteStore(db.database()),
                DestinationKinds.builtIn(number -> Optional.of(true)), Clock.systemUTC(), new EventBus());
        routes.reloadCache();
        return new ApiFixture(db, new InboundRouteRoutes(routes));
    }

    @BothEngines
    void aRouteIsCreatedReadUpdatedAndDeletedAndTheDefaultTakesOtherDids(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", PATH, token,
                    "{\"did\":\"15550001000\",\"action\":\"extension\",\"target\":\"1002\"}");

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains(PATH + "/15550001000");
            JsonNode route = json(api.send("GET", PATH + "/15550001000", token, null));
            assertThat(route.get("target").asText()).isEqualTo("1002");
            assertThat(api.send("PUT", PATH + "/15550001000", token, "{\"action\":\"extension\",\"target\":\"1003\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(new JdbiInboundRouteStore(db.database()).list().getFirst().values().target())
                    .as("committed when the call returned").isEqualTo("1003");
            assertThat(routes.destination("15550009999")).as("no default yet").isEmpty();
            assertThat(api.send("POST", PATH, token, "{\"did\":\"*\",\"action\":\"extension\",\"target\":\"1000\"}")
                    .statusCode()).isEqualTo(201);
            assertThat(routes.destination("15550009999")).contains(new Destination("extension", "1000"));
            assertThat(routes.destination("15550001000")).contains(new Destination("extension", "1003"));
            assertThat(json(api.send("GET", PATH, token, null))).hasSize(2);

            assertThat(api.send("DELETE", PATH + "/15550001000", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", PATH + "/15550001000", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/15550001000", token, null).statusCode()).isEqualTo(404);
            assertThat(routes.destination("15550001000")).as("now the default's").contains(new Destination("extension", "1000"));
        }
    }

    @BothEngines
    void badRoutesAre400NamingTheFieldAndASecondRouteForADidIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                {"{\"did\":\"555-1000\",\"action\":\"extension\",\"target\":\"1002\"}", "did"},
                {"{\"action\":\"extension\",\"target\":\"1002\"}", "did"},
                {"{\"did\":\"1555\",\"action\":\"nowhere\",\"target\":\"1002\"}", "action"},
                {"{\"did\":\"1555\",\"action\":\"extension\",\"target\":\"not-a-number\"}", "target"},
                {"{\"did\":\"1555\",\"action\":\"extension\"}", "target"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", PATH, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            String route = "{\"did\":\"1555\",\"action\":\"extension\",\"target\":\"1002\"}";
            assertThat(api.send("POST", PATH, token, route).statusCode()).isEqualTo(201);
            HttpResponse<String> again = api.send("POST", PATH, token, route);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(json(again).at("/error/field").asText()).isEqualTo("did");
            HttpResponse<String> moved = api.send("PUT", PATH + "/1555", token,
                    "{\"did\":\"1556\",\"action\":\"extension\",\"target\":\"1002\"}");
            assertThat(moved.statusCode()).isEqualTo(400);
            assertThat(json(moved).at("/error/field").asText()).isEqualTo("did");
        }
    }
}
