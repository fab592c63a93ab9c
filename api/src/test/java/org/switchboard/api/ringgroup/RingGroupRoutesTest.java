package org.switchboard.api.ringgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.switchboard.api.dialplan.DialPlanRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.ringgroup.RingGroupKind;
import org.switchboard.pbx.ringgroup.RingGroupService;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.ringgroup.JdbiRingGroupStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Ring groups over real HTTP, on SQLite and PostgreSQL: CRUD, 400s naming the field (members must
 * be extensions, the final action a destination the dial plan knows), and the dial plan's test
 * endpoint explaining a call to a group.
 */
class RingGroupRoutesTest {
    private static final String GROUPS = "/api/ring-groups";
    private static final String SUPPORT = """
            {"name":"support","strategy":"ring_all","members":["2001","2002"],"ring_seconds":20,
             "final_action":{"action":"voicemail","target":"2001"}}""";

    /** The API server with ring groups and the dial plan over extensions 2001 to 2003, no phone registered. */
    private static ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        for (String n : List.of("2001", "2002", "2003")) {
            extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
        }
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), events);
        dialPlan.reloadCache();
        RingGroupService groups = new RingGroupService(new JdbiRingGroupStore(db.database()), extensions, dialPlan.kinds(),
                Clock.systemUTC(), events);
        dialPlan.kinds().register(new RingGroupKind(groups));
        dialPlan.kinds().register(new ApplicationKind("voicemail", "a mailbox", target -> { }));
        groups.reloadCache();
        CallSettingsService callSettings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, Clock.systemUTC(), events);
        callSettings.reloadCache();
        CallRouter router = new CallRouter(dialPlan, callSettings::current, new LocationService(Clock.systemUTC(), events),
                ExtensionLastResort.NONE);
        return new ApiFixture(db, new RingGroupRoutes(groups), new DialPlanRoutes(dialPlan, router));
    }

    @BothEngines
    void aGroupIsCreatedReadReplacedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", GROUPS, token, SUPPORT);
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/ring-groups/support");

            JsonNode support = json(api.send("GET", GROUPS + "/support", token, null));
            assertThat(support.get("strategy").asText()).isEqualTo("ring_all");
            assertThat(support.get("members").toString()).isEqualTo("[\"2001\",\"2002\"]");
            assertThat(support.get("ring_seconds").asInt()).isEqualTo(20);
            assertThat(support.at("/final_action/action").asText()).isEqualTo("voicemail");
            assertThat(support.at("/final_action/target").asText()).isEqualTo("2001");

            HttpResponse<String> put = api.send("PUT", GROUPS + "/support", token, """
                    {"strategy":"memory_hunt","members":["2003","2001"],"ring_seconds":10}""");
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            JsonNode after = json(api.send("GET", GROUPS, token, null));
            assertThat(after).hasSize(1);
            assertThat(after.at("/0/strategy").asText()).isEqualTo("memory_hunt");
            assertThat(after.at("/0/members").toString()).isEqualTo("[\"2003\",\"2001\"]");
            assertThat(after.get(0).hasNonNull("final_action")).as("none: the caller gets the failure").isFalse();

            assertThat(api.send("POST", GROUPS, token, SUPPORT).statusCode()).as("same name again").isEqualTo(409);
            assertThat(api.send("DELETE", GROUPS + "/support", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", GROUPS + "/support", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", GROUPS + "/support", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", GROUPS, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().startsWith("/api/ring-groups")).toList());
        }
    }

    @BothEngines
    void badGroupsAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"name\":\"g\",\"members\":[\"2001\",\"2999\"]}", "members[1]"},
                    {"{\"name\":\"g\",\"members\":[\"2001\",\"2001\"]}", "members[1]"},
                    {"{\"name\":\"g\",\"members\":[\"2001\",null]}", "members[1]"},
                    {"{\"name\":\"g\",\"members\":[]}", "members"},
                    {"{\"name\":\"g\"}", "members"},
                    {"{\"name\":\"g\",\"members\":[\"2001\"],\"strategy\":\"random\"}", "strategy"},
                    {"{\"name\":\"g\",\"members\":[\"2001\"],\"ring_seconds\":2}", "ring_seconds"},
                    {"{\"name\":\"Support Team\",\"members\":[\"2001\"]}", "name"},
                    {"{\"name\":\"g\",\"members\":[\"2001\"],\"final_action\":{\"action\":\"warp\",\"target\":\"x\"}}",
                            "final_action.action"},
                    {"{\"name\":\"g\",\"members\":[\"2001\"],\"final_action\":{\"action\":\"extension\",\"target\":\"sales\"}}",
                            "final_action.target"},
                    {"{\"name\":\"g\",\"members\":[\"2001\"],\"final_action\":{\"action\":\"ring_group\",\"target\":\"nope\"}}",
                            "final_action.target"},
                    {"{\"name\":\"g\",\"members\":[\"2001\"],\"colour\":\"red\"}", "colour"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", GROUPS, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", GROUPS, token, null))).as("nothing saved").isEmpty();
        }
    }

    @BothEngines
    void theDialPlanTestExplainsACallToAGroup(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", GROUPS, token, SUPPORT);
            HttpResponse<String> rule = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":50,"name":"support","pattern":"600","action":"ring_group","target":"support"}""");
            assertThat(rule.statusCode()).as("rule: %s", rule.body()).isEqualTo(201);
            HttpResponse<String> unknown = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":51,"name":"sales","pattern":"601","action":"ring_group","target":"sales"}""");
            assertThat(json(unknown).at("/error/field").asText()).isEqualTo("target");

            JsonNode call = json(api.send("GET", "/api/dialplan/test?from=2003&to=600", token, null));
            assertThat(call.at("/route/type").asText()).isEqualTo("ring_group");
            assertThat(call.at("/route/target").asText()).isEqualTo("support");
            assertThat(call.at("/plan/action").asText()).as("nobody registered: the final action").isEqualTo("application");
            assertThat(call.at("/plan/kind").asText()).isEqualTo("voicemail");
            assertThat(call.at("/plan/steps").findValuesAsText("outcome")).containsExactly(
                    "ring_group support: members 2001, 2002 together for 20 s", "if nobody answers: voicemail 2001",
                    "no registered phone: skipped", "no registered phone: skipped", "no registered phone: voicemail 2001");
            assertThat(api.send("DELETE", GROUPS + "/support", token, null).statusCode()).isEqualTo(204);
            assertThat(json(api.send("GET", "/api/dialplan/test?from=2003&to=600", token, null)).at("/plan/sip_status").asInt())
                    .as("a rule naming a deleted group").isEqualTo(404);
        }
    }
}
