package org.switchboard.api.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.ivr.AttendantApplication;
import org.switchboard.pbx.ivr.AttendantService;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.ivr.JdbiAttendantStore;
import org.switchboard.store.prompt.JdbiPromptStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** The attendant's menus and settings over real HTTP, on SQLite and PostgreSQL. */
class AttendantRoutesTest {
    private static final String MENUS = "/api/ivr/menus";
    private static final String MAIN = """
            {"name":"main","greeting":"welcome","timeout_seconds":5,"retries":2,
             "options":[{"digit":"2","action":"extension","target":"1002"},{"digit":"3","action":"menu","target":"main"},
                        {"digit":"#","action":"hangup"}],
             "timeout_action":{"action":"extension","target":"1000"}}""";

    @TempDir
    Path prompts;

    private ApiFixture serve(TestDatabase db) {
        DestinationKinds kinds = DestinationKinds.builtIn(number -> Optional.of(true));
        PromptService promptService = new PromptService(new JdbiPromptStore(db.database()), prompts, Clock.systemUTC(),
                new EventBus());
        AttendantService attendant = new AttendantService(new JdbiAttendantStore(db.database()), kinds, promptService,
                Clock.systemUTC(), new EventBus());
        kinds.register(AttendantApplication.kind(attendant));
        attendant.reloadCache();
        return new ApiFixture(db, new AttendantRoutes(attendant));
    }

    @BothEngines
    void aMenuIsCreatedReadReplacedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", MENUS, token, MAIN);
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/ivr/menus/main");

            JsonNode main = json(api.send("GET", MENUS + "/main", token, null));
            assertThat(main.get("options")).hasSize(3);
            assertThat(main.at("/options/0/target").asText()).isEqualTo("1002");
            assertThat(main.at("/timeout_action/target").asText()).isEqualTo("1000");
            assertThat(main.at("/invalid_action/action").asText()).as("default").isEqualTo("hangup");

            HttpResponse<String> put = api.send("PUT", MENUS + "/main", token, """
                    {"greeting":"goodbye","options":[{"digit":"9","action":"repeat"}]}""");
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            JsonNode after = json(api.send("GET", MENUS, token, null));
            assertThat(after).hasSize(1);
            assertThat(after.at("/0/greeting").asText()).isEqualTo("goodbye");
            assertThat(after.at("/0/options/0/action").asText()).isEqualTo("repeat");
            assertThat(after.at("/0/timeout_seconds").asInt()).isEqualTo(5);

            assertThat(api.send("POST", MENUS, token, MAIN).statusCode()).as("same name again").isEqualTo(409);
            assertThat(api.send("DELETE", MENUS + "/main", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", MENUS + "/main", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", MENUS + "/main", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", MENUS, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().startsWith("/api/ivr")).toList());
        }
    }

    @BothEngines
    void badMenusAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"options\":[{\"digit\":\"2\",\"action\":\"hangup\"},"
                            + "{\"digit\":\"3\",\"action\":\"extension\",\"target\":\"sales\"}]}", "options[1].target"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"options\":[{\"digit\":\"2\",\"action\":\"warp\",\"target\":\"x\"}]}",
                            "options[0].action"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"options\":[{\"digit\":\"A\",\"action\":\"hangup\"}]}",
                            "options[0].digit"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"options\":[{\"digit\":\"1\",\"action\":\"hangup\"},"
                            + "{\"digit\":\"1\",\"action\":\"repeat\"}]}", "options[1].digit"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"options\":[{\"digit\":\"1\",\"action\":\"menu\",\"target\":\"x\"}]}",
                            "options[0].target"},
                    {"{\"name\":\"m\",\"greeting\":\"no-such-prompt\"}", "greeting"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"timeout_seconds\":0}", "timeout_seconds"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"timeout_action\":{\"action\":\"menu\",\"target\":\"x\"}}",
                            "timeout_action.target"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"invalid_action\":{\"action\":\"repeat\",\"target\":\"x\"}}",
                            "invalid_action.target"},
                    {"{\"name\":\"Main Menu\",\"greeting\":\"welcome\"}", "name"},
                    {"{\"name\":\"m\",\"greeting\":\"welcome\",\"colour\":\"red\"}", "colour"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", MENUS, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", MENUS, token, null))).as("nothing saved").isEmpty();
        }
    }

    @BothEngines
    void settingsNameAnExistingDefaultMenuAndAMenuInUseStays(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", MENUS, token, MAIN);
            api.send("POST", MENUS, token, "{\"name\":\"top\",\"greeting\":\"welcome\",\"options\":[{\"digit\":\"1\","
                    + "\"action\":\"ivr\",\"target\":\"main\"}]}");

            HttpResponse<String> bad = api.send("PUT", "/api/ivr/settings", token,
                    "{\"default_menu\":\"nope\",\"direct_dial_enabled\":true,\"direct_dial_timeout_ms\":3000}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("default_menu");
            HttpResponse<String> ok = api.send("PUT", "/api/ivr/settings", token,
                    "{\"default_menu\":\"top\",\"direct_dial_enabled\":false,\"direct_dial_timeout_ms\":2000}");
            assertThat(ok.statusCode()).as("PUT settings: %s", ok.body()).isEqualTo(200);
            assertThat(json(api.send("GET", "/api/ivr/settings", token, null)).get("direct_dial_timeout_ms").asInt())
                    .isEqualTo(2000);

            HttpResponse<String> inUse = api.send("DELETE", MENUS + "/main", token, null);
            assertThat(inUse.statusCode()).as("top leads to main").isEqualTo(409);
            assertThat(json(inUse).at("/error/message").asText()).contains("top");
            assertThat(api.send("DELETE", MENUS + "/top", token, null).statusCode()).as("the default menu").isEqualTo(409);
        }
    }
}
