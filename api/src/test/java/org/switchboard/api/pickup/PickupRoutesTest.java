package org.switchboard.api.pickup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.call.RingingCalls;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.pickup.PickupGroupService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.pickup.CallPickup;
import org.switchboard.store.pickup.CallPickupLog;
import org.switchboard.store.pickup.JdbiPickupGroupStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Pickup groups and ringing calls over real HTTP on SQLite and PostgreSQL: groups saved per extension and listed by
 * group (also after the service reloads from the database), 400s naming the field, 404 for an unknown extension,
 * the ringing calls. (Pickups themselves: {@code CallPickupIT}.)
 */
class PickupRoutesTest {
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private PickupGroupService groups;
    private List<RingingCalls.Ringing> ringing = List.of();

    private ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        for (String number : new String[] {"1001", "1002", "1003"}) {
            new JdbiExtensionStore(db.database()).create(new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5,
                    ApiFixture.REALM, null, false, true, null), Instant.now());
        }
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        groups = new PickupGroupService(new JdbiPickupGroupStore(db.database()), extensions, Clock.systemUTC(), events);
        groups.reloadCache();
        return new ApiFixture(db, new PickupRoutes(groups, () -> ringing, new CallPickupLog(db.database())::latest));
    }

    @BothEngines
    void groupsAreSavedPerExtensionAndListedByGroup(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();

            HttpResponse<String> saved = api.send("PUT", "/api/extensions/1001/pickup-groups", token,
                    "{\"groups\":[\"sales\",\"front-desk\",\"sales\"]}");
            assertThat(saved.statusCode()).as("%s", saved.body()).isEqualTo(200);
            assertThat(json(saved).get("groups").toString()).isEqualTo("[\"front-desk\",\"sales\"]");
            api.send("PUT", "/api/extensions/1002/pickup-groups", token, "{\"groups\":[\"sales\"]}");
            groups.reloadCache(); // as after a restart: from the database

            assertThat(json(api.send("GET", "/api/extensions/1002/pickup-groups", token, null)).get("groups").toString())
                    .isEqualTo("[\"sales\"]");
            assertThat(json(api.send("GET", "/api/extensions/1003/pickup-groups", token, null)).get("groups").toString())
                    .as("in no group").isEqualTo("[]");
            JsonNode all = json(api.send("GET", "/api/pickup-groups", token, null));
            assertThat(all.toString()).isEqualTo("[{\"name\":\"front-desk\",\"members\":[\"1001\"]},"
                    + "{\"name\":\"sales\",\"members\":[\"1001\",\"1002\"]}]");
            api.send("PUT", "/api/extensions/1001/pickup-groups", token, "{\"groups\":[]}");
            assertThat(json(api.send("GET", "/api/pickup-groups", token, null)).toString())
                    .isEqualTo("[{\"name\":\"sales\",\"members\":[\"1002\"]}]");
        }
    }

    @BothEngines
    void badBodiesAndUnknownExtensionsAreRefused(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();

            assertField(api.send("PUT", "/api/extensions/1001/pickup-groups", token, "{\"groups\":[\"Sales Team\"]}"),
                    "groups");
            assertField(api.send("PUT", "/api/extensions/1001/pickup-groups", token, "{}"), "groups");
            assertThat(api.send("PUT", "/api/extensions/1999/pickup-groups", token, "{\"groups\":[\"sales\"]}")
                    .statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/extensions/1999/pickup-groups", token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void theRingingCallsAreListed(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            ringing = List.of(new RingingCalls.Ringing("early", "1001", Set.of("1002"), Instant.parse("2026-05-01T10:00:00Z")),
                    new RingingCalls.Ringing("late", "1003", Set.of("1002", "1001"), Instant.parse("2026-05-01T10:00:05Z")));

            JsonNode list = json(api.send("GET", "/api/pickup/ringing", token, null));

            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("call_id").asText()).isEqualTo("early");
            assertThat(list.get(1).get("extensions").toString()).isEqualTo("[\"1001\",\"1002\"]");
            assertThat(list.get(1).get("since").asText()).isEqualTo("2026-05-01T10:00:05Z");
        }
    }

    @BothEngines
    void theCallsPickedUpAreListedLatestFirst(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            db.database().write(h -> {
                CallPickupLog.write(h, List.of(
                        new CallPickup("a@pbx", "1002", "1003", CallPickup.DIRECTED, Instant.parse("2026-05-01T10:00:00Z")),
                        new CallPickup("b@pbx", "1001", "1002", CallPickup.GROUP, Instant.parse("2026-05-01T10:01:00Z"))));
                return null;
            });

            JsonNode list = json(api.send("GET", "/api/pickups?limit=1", token, null));

            assertThat(list.toString()).isEqualTo("[{\"call_id\":\"b@pbx\",\"rung\":\"1001\",\"picked_up_by\":\"1002\","
                    + "\"how\":\"group\",\"picked_up_at\":\"2026-05-01T10:01:00Z\"}]");
            assertField(api.send("GET", "/api/pickups?limit=0", token, null), "limit");
            assertField(api.send("GET", "/api/pickups?limit=x", token, null), "limit");
        }
    }

    @BothEngines
    void everyPickupRouteIsDocumented(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            assertThat(api.server.openApi().operations()).containsAll(api.server.registeredRoutes())
                    .contains(new RouteKey("PUT", "/api/extensions/{number}/pickup-groups"),
                            new RouteKey("GET", "/api/pickup/ringing"));
        }
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as("%s", r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).as("%s", r.body()).isEqualTo(field);
    }
}
