package org.switchboard.api.followme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.followme.FollowMeService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.followme.JdbiFollowMeStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Follow-me over real HTTP, on SQLite and PostgreSQL: the defaults, a replaced list read back (and
 * from a fresh service on the same database), and 400s naming the field.
 */
class FollowMeRoutesTest {
    private static final String PATH = "/api/extensions/2001/follow-me";

    private static ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        for (String n : List.of("2001", "2002", "2003")) {
            if (extensions.find(n).isEmpty()) {
                extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
            }
        }
        FollowMeService followMe = new FollowMeService(new JdbiFollowMeStore(db.database()), extensions, Clock.systemUTC(), events);
        followMe.reloadCache();
        return new ApiFixture(db, new FollowMeRoutes(followMe));
    }

    @BothEngines
    void settingsAreReadWithDefaultsReplacedAndKept(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            JsonNode none = json(api.send("GET", PATH, token, null));
            assertThat(none.get("enabled").asBoolean()).isFalse();
            assertThat(none.get("desk_first").asBoolean()).isTrue();
            assertThat(none.get("destinations")).isEmpty();

            HttpResponse<String> put = api.send("PUT", PATH, token, """
                    {"enabled":true,"desk_first":false,"desk_seconds":15,"strategy":"together",
                     "destinations":[{"number":"2003","ring_seconds":25},{"number":"2002"}]}""");
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            assertThat(api.send("GET", "/api/extensions/2999/follow-me", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", PATH, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().endsWith("/follow-me")).toList());
        }
        try (ApiFixture api = serve(db)) {
            JsonNode kept = json(api.send("GET", PATH, api.login(), null));
            assertThat(kept.get("extension").asText()).isEqualTo("2001");
            assertThat(kept.get("enabled").asBoolean()).isTrue();
            assertThat(kept.get("desk_first").asBoolean()).isFalse();
            assertThat(kept.get("desk_seconds").asInt()).isEqualTo(15);
            assertThat(kept.get("strategy").asText()).isEqualTo("together");
            assertThat(kept.get("destinations").toString())
                    .isEqualTo("[{\"number\":\"2003\",\"ring_seconds\":25},{\"number\":\"2002\",\"ring_seconds\":20}]");
        }
    }

    @BothEngines
    void badSettingsAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"enabled\":true}", "destinations"},
                    {"{\"enabled\":true,\"destinations\":[]}", "destinations"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2002\"},{\"number\":\"2999\"}]}", "destinations[1].number"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2001\"}]}", "destinations[0].number"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2002\"},{\"number\":\"2002\"}]}", "destinations[1].number"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"+33 6\"}]}", "destinations[0].number"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2002\",\"ring_seconds\":3}]}", "destinations[0].ring_seconds"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2002\"}],\"desk_seconds\":301}", "desk_seconds"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2002\"}],\"strategy\":\"random\"}", "strategy"},
                    {"{\"enabled\":true,\"destinations\":[{\"number\":\"2002\"}],\"colour\":\"red\"}", "colour"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("PUT", PATH, token, c[0]);
                assertThat(r.statusCode()).as("PUT %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", PATH, token, null)).get("enabled").asBoolean()).as("nothing saved").isFalse();
        }
    }
}
