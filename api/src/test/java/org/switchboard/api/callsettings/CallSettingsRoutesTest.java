package org.switchboard.api.callsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Per-extension call settings over real HTTP, on SQLite and PostgreSQL. */
class CallSettingsRoutesTest {
    private static final String PATH = "/api/extensions/1001/call-settings";

    private static ApiFixture serve(TestDatabase db) {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        extensions.create(new ExtensionInput("1002", "Bob", "password-1002", null, null, false, true), "test");
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), new EventBus());
        dialPlan.create(new NewDialPlanRule(100, "internal", "[0-9]{2,10}", RuleAction.EXTENSION, "$0"), "test");
        CallSettingsService settings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, Clock.systemUTC(), new EventBus());
        settings.reloadCache();
        return new ApiFixture(db, new CallSettingsRoutes(settings));
    }

    @BothEngines
    void getShowsTheDefaultsUntilSomethingIsSaved(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            HttpResponse<String> r = api.send("GET", PATH, api.login(), null);

            assertThat(r.statusCode()).as("GET: %s", r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.get("extension").asText()).isEqualTo("1001");
            assertThat(body.at("/forward_always/enabled").asBoolean()).isFalse();
            assertThat(body.at("/forward_no_answer/timeout_seconds").asInt()).isEqualTo(20);
            assertThat(body.get("do_not_disturb").asBoolean()).isFalse();
            assertThat(body.has("updated_at")).isFalse();
        }
    }

    @BothEngines
    void putReplacesTheSettingsAndTheyReadBack(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> r = api.send("PUT", PATH, token, """
                    {"forward_busy":{"enabled":true,"target":"1002"},
                     "forward_no_answer":{"enabled":true,"target":"1002","timeout_seconds":35},
                     "do_not_disturb":true, "media_encryption":"require"}""");

            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            JsonNode back = json(api.send("GET", PATH, token, null));
            assertThat(back.at("/forward_busy/target").asText()).isEqualTo("1002");
            assertThat(back.at("/forward_no_answer/timeout_seconds").asInt()).isEqualTo(35);
            assertThat(back.get("do_not_disturb").asBoolean()).isTrue();
            assertThat(back.get("media_encryption").asText()).isEqualTo("require");
            assertThat(back.at("/forward_always/enabled").asBoolean()).isFalse();
            assertThat(back.has("updated_at")).isTrue();
        }
    }

    @BothEngines
    void badSettingsAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"forward_always\":{\"enabled\":true}}", "forward_always.target"},
                    {"{\"forward_always\":{\"enabled\":true,\"target\":\"1999\"}}", "forward_always.target"},
                    {"{\"forward_busy\":{\"enabled\":true,\"target\":\"1001\"}}", "forward_busy.target"},
                    {"{\"forward_no_answer\":{\"enabled\":true,\"target\":\"1002\",\"timeout_seconds\":2}}",
                            "forward_no_answer.timeout_seconds"},
                    {"{\"do_not_disturb\":\"yes\"}", "do_not_disturb"},
                    {"{\"media_encryption\":\"sometimes\"}", "media_encryption"},
                    {"{\"forward_always\":{\"enabled\":true,\"target\":\"1002\",\"delay\":3}}", "delay"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("PUT", PATH, token, c[0]);
                assertThat(r.statusCode()).as("PUT %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", PATH, token, null)).has("updated_at")).as("nothing saved").isFalse();
        }
    }

    @BothEngines
    void unknownExtensionIs404AndRoutesAreDocumented(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(api.send("GET", "/api/extensions/1999/call-settings", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("PUT", "/api/extensions/1999/call-settings", token, "{}").statusCode()).isEqualTo(404);
            assertThat(api.send("GET", PATH, null, null).statusCode()).isEqualTo(401);
            assertThat(api.server.openApi().operations()).contains(
                    new RouteKey("GET", "/api/extensions/{number}/call-settings"),
                    new RouteKey("PUT", "/api/extensions/{number}/call-settings"));
        }
    }
}
