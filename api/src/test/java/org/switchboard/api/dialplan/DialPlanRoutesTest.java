package org.switchboard.api.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Timeout;
import org.switchboard.api.callsettings.CallSettingsRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Dial-plan rule CRUD and the routing test endpoint over real HTTP, on SQLite and PostgreSQL. */
class DialPlanRoutesTest {
    private static final String INTERNAL = """
            {"priority":100,"name":"internal extensions","pattern":"[0-9]{2,10}","action":"extension","target":"$0"}""";
    private static final String FORWARD_ON = """
            {"priority":20,"name":"forward on","pattern":"\\\\*72([0-9]{2,10})?","action":"feature","target":"forward_on"}""";

    /** The API server plus its own dial plan, call settings and router over extensions 1001 to 1003 (same database), no phone registered. */
    private static ApiFixture serve(TestDatabase db) {
        return serve(db, new LocationService(Clock.systemUTC(), new EventBus()));
    }

    /**
     * As {@link #serve(TestDatabase)}, with the phones {@code location} knows; the call-settings
     * routes are served too, so a test can set forwarding and see the call plan change.
     */
    private static ApiFixture serve(TestDatabase db, LocationService location) {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        for (String n : List.of("1001", "1002", "1003")) {
            extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
        }
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), new EventBus());
        dialPlan.reloadCache();
        CallSettingsService callSettings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, Clock.systemUTC(), new EventBus());
        callSettings.reloadCache();
        return new ApiFixture(db, new DialPlanRoutes(dialPlan, new CallRouter(dialPlan, callSettings::current, location, ExtensionLastResort.NONE)),
                new CallSettingsRoutes(callSettings));
    }

    /** A registrar over the test database, knowing no phone yet. */
    private static RegistrarService registrar(TestDatabase db, ScheduledExecutorService housekeeping) {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        return RegistrarService.start(db.database(), extensions, authUser -> Optional.empty(),
                userAgent -> Optional.empty(), RegistrarSettings.defaults(ApiFixture.REALM),
                "unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SimpleMeterRegistry(),
                housekeeping, Clock.systemUTC(), new EventBus());
    }

    /** Gives 1003 one phone, as its REGISTER would have left it in the table, and lets the registrar load it. */
    private static void register1003(TestDatabase db, RegistrarService registrar) {
        Instant now = Instant.now();
        new JdbiRegistrationStore(db.database()).write(List.of(new Registration("1003", "sip:1003@192.0.2.10:5062",
                Optional.empty(), "reg-1003", 1, "UDP", "192.0.2.10", 5062, "127.0.0.1", 5060, "test phone",
                now.plusSeconds(3600), now, now)), List.of());
        registrar.sweepNow();
    }

    @BothEngines
    void createListGetUpdateDelete(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", "/api/dialplan/rules", token, INTERNAL);
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            long id = json(created).get("id").asLong();
            assertThat(created.headers().firstValue("Location")).contains("/api/dialplan/rules/" + id);
            assertThat(json(created).get("action").asText()).isEqualTo("extension");
            assertThat(api.send("POST", "/api/dialplan/rules", token, FORWARD_ON).statusCode()).isEqualTo(201);

            JsonNode list = json(api.send("GET", "/api/dialplan/rules", token, null));
            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("priority").asInt()).as("priority order").isEqualTo(20);

            HttpResponse<String> updated = api.send("PUT", "/api/dialplan/rules/" + id, token,
                    INTERNAL.replace("\"priority\":100", "\"priority\":90"));
            assertThat(updated.statusCode()).as("PUT: %s", updated.body()).isEqualTo(200);
            assertThat(json(api.send("GET", "/api/dialplan/rules/" + id, token, null)).get("priority").asInt()).isEqualTo(90);

            assertThat(api.send("DELETE", "/api/dialplan/rules/" + id, token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", "/api/dialplan/rules/" + id, token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void testEndpointExplainsTheDecision(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", "/api/dialplan/rules", token, INTERNAL);
            api.send("POST", "/api/dialplan/rules", token, FORWARD_ON);

            JsonNode call = json(api.send("GET", "/api/dialplan/test?from=1001&to=1002", token, null));
            assertThat(call.at("/route/type").asText()).isEqualTo("extension");
            assertThat(call.at("/route/number").asText()).isEqualTo("1002");
            assertThat(call.get("trail")).hasSize(2);
            assertThat(call.at("/trail/0/matched").asBoolean()).isFalse();
            assertThat(call.at("/trail/1/matched").asBoolean()).isTrue();
            assertThat(call.at("/trail/1/name").asText()).isEqualTo("internal extensions");

            JsonNode feature = json(api.send("GET", "/api/dialplan/test?from=1001&to=*721002", token, null));
            assertThat(feature.at("/route/type").asText()).isEqualTo("feature");
            assertThat(feature.at("/route/target").asText()).isEqualTo("forward_on");
            assertThat(feature.at("/route/argument").asText()).isEqualTo("1002");
            assertThat(feature.at("/route/description").asText()).startsWith("runs a feature code");
            assertThat(feature.at("/plan/action").asText()).as("call control hands it to an application").isEqualTo("application");
            assertThat(feature.at("/plan/kind").asText()).isEqualTo("feature");

            JsonNode unknown = json(api.send("GET", "/api/dialplan/test?from=1001&to=1999", token, null));
            assertThat(unknown.at("/route/type").asText()).isEqualTo("rejected");
            assertThat(unknown.at("/route/sip_status").asInt()).isEqualTo(404);

            JsonNode kinds = json(api.send("GET", "/api/dialplan/kinds", token, null));
            assertThat(kinds.findValuesAsText("name")).containsExactly("extension", "feature", "reject");
            assertThat(kinds.at("/2/description").asText()).contains("400 to 699");
        }
    }

    @BothEngines
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNestedQuantifierRuleIsSavedAndTestedWithoutHanging(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> evil = api.send("POST", "/api/dialplan/rules", token,
                    "{\"priority\":5,\"name\":\"evil\",\"pattern\":\"((1+)+)+2\",\"action\":\"reject\",\"target\":\"403\"}");
            assertThat(evil.statusCode()).as("POST ((1+)+)+2: %s", evil.body()).isEqualTo(201);
            api.send("POST", "/api/dialplan/rules", token, INTERNAL);

            // 40 ones: a backtracking engine never returned from 30; three such requests froze the API.
            for (int i = 0; i < 3; i++) {
                JsonNode decision = json(api.send("GET", "/api/dialplan/test?from=1001&to=" + "1".repeat(40), token, null));
                assertThat(decision.at("/trail/0/matched").asBoolean()).as("((1+)+)+2 against 40 ones").isFalse();
                assertThat(decision.at("/route/type").asText()).isEqualTo("rejected");
            }
        }
    }

    @BothEngines
    void testEndpointShowsTheCallPlanAfterForwardingAndRegistrations(TestDatabase db) {
        try (ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
                RegistrarService registrar = registrar(db, housekeeping);
                ApiFixture api = serve(db, registrar.location())) {
            register1003(db, registrar);
            String token = api.login();
            api.send("POST", "/api/dialplan/rules", token, INTERNAL);

            JsonNode unregistered = json(api.send("GET", "/api/dialplan/test?from=1001&to=1002", token, null));
            assertThat(unregistered.at("/plan/action").asText()).isEqualTo("reject");
            assertThat(unregistered.at("/plan/sip_status").asInt()).isEqualTo(480);

            HttpResponse<String> put = api.send("PUT", "/api/extensions/1002/call-settings", token, """
                    {"forward_always": {"enabled": true, "target": "1003"},
                     "forward_no_answer": {"enabled": true, "target": "1001", "timeout_seconds": 25}}""");
            assertThat(put.statusCode()).as("PUT call settings: %s", put.body()).isEqualTo(200);
            api.send("PUT", "/api/extensions/1003/call-settings", token, """
                    {"forward_busy": {"enabled": true, "target": "1001"}, "do_not_disturb": false}""");

            JsonNode forwarded = json(api.send("GET", "/api/dialplan/test?from=1001&to=1002", token, null));
            assertThat(forwarded.at("/route/number").asText()).as("the dial plan's part is unchanged").isEqualTo("1002");
            assertThat(forwarded.at("/plan/action").asText()).isEqualTo("ring");
            assertThat(forwarded.at("/plan/extension").asText()).isEqualTo("1003");
            assertThat(forwarded.at("/plan/contacts").asInt()).isEqualTo(1);
            assertThat(forwarded.at("/plan/forwarded_by/0").asText()).isEqualTo("1002");
            assertThat(forwarded.at("/plan/on_busy/target").asText()).isEqualTo("1001");
            assertThat(forwarded.at("/plan/on_no_answer").isMissingNode()).isTrue();
            assertThat(forwarded.at("/plan/steps/0/extension").asText()).isEqualTo("1002");
            assertThat(forwarded.at("/plan/steps/0/outcome").asText()).isEqualTo("forward always to 1003");

            api.send("PUT", "/api/extensions/1003/call-settings", token, "{\"do_not_disturb\": true}");
            JsonNode dnd = json(api.send("GET", "/api/dialplan/test?from=1001&to=1003", token, null));
            assertThat(dnd.at("/plan/action").asText()).isEqualTo("reject");
            assertThat(dnd.at("/plan/sip_status").asInt()).isEqualTo(486);
        }
    }

    @BothEngines
    void badRulesAre400NamingTheFieldAndATakenPriorityIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", "/api/dialplan/rules", token, INTERNAL);
            String[][] cases = {
                    {"{\"name\":\"x\",\"pattern\":\"1\",\"action\":\"reject\",\"target\":\"403\"}", "priority"},
                    {"{\"priority\":1,\"name\":\"x\",\"pattern\":\"[0-9\",\"action\":\"extension\",\"target\":\"$0\"}", "pattern"},
                    {"{\"priority\":1,\"name\":\"x\",\"pattern\":\"1\",\"action\":\"route\",\"target\":\"1\"}", "action"},
                    {"{\"priority\":1,\"name\":\"x\",\"pattern\":\"\\\\*5\",\"action\":\"feature\",\"target\":\"coffee\"}", "target"},
                    {"{\"priority\":1,\"name\":\"x\",\"pattern\":\"9.*\",\"action\":\"reject\",\"target\":\"200\"}", "target"},
                    {"{\"priority\":\"high\",\"name\":\"x\",\"pattern\":\"1\",\"action\":\"reject\",\"target\":\"403\"}", "priority"},
                    {"{\"priority\":1,\"name\":\"x\",\"pattern\":\"1\",\"action\":\"reject\",\"target\":\"403\",\"extra\":1}", "extra"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", "/api/dialplan/rules", token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            HttpResponse<String> dup = api.send("POST", "/api/dialplan/rules", token, INTERNAL);
            assertThat(dup.statusCode()).isEqualTo(409);
            assertThat(json(dup).at("/error/field").asText()).isEqualTo("priority");
            HttpResponse<String> noTo = api.send("GET", "/api/dialplan/test?from=1001", token, null);
            assertThat(noTo.statusCode()).isEqualTo(400);
            assertThat(json(noTo).at("/error/field").asText()).isEqualTo("to");
            assertThat(json(api.send("GET", "/api/dialplan/rules", token, null))).hasSize(1);
        }
    }

    @BothEngines
    void unknownRulesAre404AndRoutesAreDocumented(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(api.send("GET", "/api/dialplan/rules/999", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/dialplan/rules/abc", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("PUT", "/api/dialplan/rules/999", token, INTERNAL).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", "/api/dialplan/rules/999", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/dialplan/rules", null, null).statusCode()).isEqualTo(401);
            assertThat(api.server.openApi().operations()).containsAll(api.server.registeredRoutes().stream()
                    .filter(k -> k.path().startsWith("/api/dialplan")).toList())
                    .contains(new RouteKey("GET", "/api/dialplan/test"));
        }
    }
}
