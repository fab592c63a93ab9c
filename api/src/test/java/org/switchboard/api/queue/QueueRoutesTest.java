package org.switchboard.api.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.switchboard.api.dialplan.DialPlanRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.queue.LiveQueues;
import org.switchboard.pbx.queue.QueueCallbacks;
import org.switchboard.pbx.queue.QueueKind;
import org.switchboard.pbx.queue.QueueService;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.queue.JdbiCallQueueStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Call queues over real HTTP, on SQLite and PostgreSQL: CRUD, 400s naming the field (members must be
 * extensions, the timeout action a destination the dial plan knows, the music an existing class), the
 * statistics of a queue nobody called yet, agents logged out and paused, and a rule naming a queue.
 */
class QueueRoutesTest {
    private static final String QUEUES = "/api/queues";
    private static final String SALES = """
            {"name":"sales","strategy":"round_robin","members":["2001","2002"],"wrap_up_seconds":0,"max_wait_seconds":300,
             "timeout_action":{"action":"voicemail","target":"1000"}}""";

    /** The API server with queues and the dial plan over extensions 2001 to 2003, no phone registered. */
    private static ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        for (String n : List.of("2001", "2002", "2003")) {
            extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
        }
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), events);
        dialPlan.reloadCache();
        JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
        QueueService queues = new QueueService(store, extensions, dialPlan.kinds(),
                "jazz"::equals, Clock.systemUTC(), events);
        dialPlan.kinds().register(QueueKind.of(queues));
        dialPlan.kinds().register(new ApplicationKind("voicemail", "a mailbox", target -> { }));
        queues.reloadCache();
        LiveQueues live = new LiveQueues(queues, events, Clock.systemUTC(), new Random(1), call -> { });
        CallSettingsService callSettings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, Clock.systemUTC(), events);
        callSettings.reloadCache();
        CallRouter router = new CallRouter(dialPlan, callSettings::current, new LocationService(Clock.systemUTC(), events),
                ExtensionLastResort.NONE);
        QueueCallbacks callbacks = new QueueCallbacks(store, queues, live, Clock.systemUTC());
        return new ApiFixture(db, new QueueRoutes(queues, live, callbacks), new DialPlanRoutes(dialPlan, router));
    }

    @BothEngines
    void aQueueIsCreatedReadReplacedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", QUEUES, token, SALES);
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/queues/sales");

            JsonNode sales = json(api.send("GET", QUEUES + "/sales", token, null));
            assertThat(sales.get("strategy").asText()).isEqualTo("round_robin");
            assertThat(sales.get("members").toString()).isEqualTo("[\"2001\",\"2002\"]");
            assertThat(sales.get("max_wait_seconds").asInt()).isEqualTo(300);
            assertThat(sales.get("ring_seconds").asInt()).as("default").isEqualTo(15);
            assertThat(sales.at("/timeout_action/action").asText()).isEqualTo("voicemail");
            assertThat(sales.at("/timeout_action/target").asText()).isEqualTo("1000");

            HttpResponse<String> put = api.send("PUT", QUEUES + "/sales", token, """
                    {"strategy":"skills","members":["2003","2001"],"wrap_up_seconds":15,"moh_class":"jazz",
                     "voicemail_exit":{"digit":"0","box":"2003"},"skill_requirements":{"french":3},
                     "callback":{"digit":"1","retry_seconds":30}}""");
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            JsonNode after = json(api.send("GET", QUEUES, token, null));
            assertThat(after).hasSize(1);
            assertThat(after.at("/0/strategy").asText()).isEqualTo("skills");
            assertThat(after.at("/0/skill_requirements/french").asInt()).isEqualTo(3);
            assertThat(after.at("/0/members").toString()).isEqualTo("[\"2003\",\"2001\"]");
            assertThat(after.at("/0/moh_class").asText()).isEqualTo("jazz");
            assertThat(after.at("/0/voicemail_exit/digit").asText()).isEqualTo("0");
            assertThat(after.at("/0/callback").toString()).isEqualTo("{\"digit\":\"1\",\"max_attempts\":3,\"retry_seconds\":30}");
            assertThat(after.get(0).hasNonNull("timeout_action")).as("none: callers past the wait are hung up").isFalse();

            assertThat(api.send("POST", QUEUES, token, SALES).statusCode()).as("same name again").isEqualTo(409);
            assertThat(api.send("DELETE", QUEUES + "/sales", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", QUEUES + "/sales", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", QUEUES + "/sales/stats", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", QUEUES + "/sales", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", QUEUES, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().startsWith("/api/queue")).toList());
        }
    }

    @BothEngines
    void callbackRequestsAreListedFirstInLineFirstAndCancelled(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(api.send("POST", QUEUES, token, SALES).statusCode()).isEqualTo(201);
            JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
            Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
            long late = store.addCallback("sales", "1002", "call-2@pbx", t0.plusSeconds(30), t0.plusSeconds(40)).id();
            long early = store.addCallback("sales", "+15551234567", "call-1@pbx", t0, t0.plusSeconds(50)).id();

            JsonNode listed = json(api.send("GET", QUEUES + "/sales/callbacks", token, null));
            assertThat(listed).hasSize(2);
            assertThat(listed.at("/0/id").asLong()).isEqualTo(early);
            assertThat(listed.at("/0/number").asText()).isEqualTo("+15551234567");
            assertThat(listed.at("/0/state").asText()).isEqualTo("waiting");
            assertThat(listed.at("/0/attempts").asInt()).isZero();
            assertThat(listed.at("/0/enqueued_at").asText()).isEqualTo("2026-12-07T10:00:00Z");
            assertThat(listed.at("/1/id").asLong()).isEqualTo(late);

            assertThat(api.send("DELETE", QUEUES + "/sales/callbacks/" + early, token, null).statusCode()).isEqualTo(204);
            assertThat(json(api.send("GET", QUEUES + "/sales/callbacks", token, null)).findValuesAsText("number"))
                    .containsExactly("1002");
            assertThat(api.send("DELETE", QUEUES + "/sales/callbacks/" + early, token, null).statusCode()).as("gone").isEqualTo(404);
            HttpResponse<String> bad = api.send("DELETE", QUEUES + "/sales/callbacks/first", token, null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("id");
            assertThat(api.send("GET", QUEUES + "/nope/callbacks", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", QUEUES + "/nope/callbacks/" + late, token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void badQueuesAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"name\":\"q\",\"members\":[\"2001\",\"2999\"]}", "members[1]"},
                    {"{\"name\":\"q\",\"members\":[\"2001\",\"2001\"]}", "members[1]"},
                    {"{\"name\":\"q\",\"members\":[\"2001\",null]}", "members[1]"},
                    {"{\"name\":\"q\",\"strategy\":\"skills_first\"}", "strategy"},
                    {"{\"name\":\"q\",\"ring_seconds\":2}", "ring_seconds"},
                    {"{\"name\":\"q\",\"wrap_up_seconds\":-1}", "wrap_up_seconds"},
                    {"{\"name\":\"q\",\"max_wait_seconds\":100000}", "max_wait_seconds"},
                    {"{\"name\":\"q\",\"max_callers\":-1}", "max_callers"},
                    {"{\"name\":\"q\",\"announce_seconds\":-5}", "announce_seconds"},
                    {"{\"name\":\"q\",\"service_level_seconds\":0}", "service_level_seconds"},
                    {"{\"name\":\"q\",\"moh_class\":\"polka\"}", "moh_class"},
                    {"{\"name\":\"Sales Team\"}", "name"},
                    {"{\"name\":\"q\",\"timeout_action\":{\"action\":\"warp\",\"target\":\"x\"}}", "timeout_action.action"},
                    {"{\"name\":\"q\",\"timeout_action\":{\"action\":\"queue\",\"target\":\"nope\"}}", "timeout_action.target"},
                    {"{\"name\":\"q\",\"voicemail_exit\":{\"digit\":\"x\",\"box\":\"2001\"}}", "voicemail_exit.digit"},
                    {"{\"name\":\"q\",\"voicemail_exit\":{\"digit\":\"12\",\"box\":\"2001\"}}", "voicemail_exit.digit"},
                    {"{\"name\":\"q\",\"voicemail_exit\":{\"digit\":\"0\",\"box\":\"mine\"}}", "voicemail_exit.box"},
                    {"{\"name\":\"q\",\"strategy\":\"skills\",\"skill_requirements\":{\"french\":0}}", "skill_requirements.french"},
                    {"{\"name\":\"q\",\"strategy\":\"skills\",\"skill_requirements\":{\"French!\":2}}", "skill_requirements"},
                    {"{\"name\":\"q\",\"colour\":\"red\"}", "colour"},
                    {"{\"name\":\"q\",\"callback\":{\"digit\":\"*\"}}", "callback.digit"},
                    {"{\"name\":\"q\",\"callback\":{}}", "callback.digit"},
                    {"{\"name\":\"q\",\"callback\":{\"digit\":\"1\",\"max_attempts\":0}}", "callback.max_attempts"},
                    {"{\"name\":\"q\",\"callback\":{\"digit\":\"1\",\"retry_seconds\":5}}", "callback.retry_seconds"},
                    {"{\"name\":\"q\",\"voicemail_exit\":{\"digit\":\"1\",\"box\":\"2001\"},\"callback\":{\"digit\":\"1\"}}",
                            "callback.digit"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", QUEUES, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", QUEUES, token, null))).as("nothing saved").isEmpty();
        }
    }

    @BothEngines
    void statsShowAgentsLoggedOutAndPausedThroughTheApi(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", QUEUES, token, SALES);
            HttpResponse<String> out = api.send("PUT", "/api/queue-agents/2001", token, "{\"logged_in\":false}");
            assertThat(out.statusCode()).as("log out: %s", out.body()).isEqualTo(200);
            assertThat(json(out).get("queues").toString()).isEqualTo("[\"sales\"]");
            assertThat(api.send("PUT", "/api/queue-agents/2002", token, "{\"paused\":true}").statusCode()).isEqualTo(200);
            assertThat(api.send("PUT", "/api/queue-agents/2003", token, "{\"paused\":true}").statusCode())
                    .as("no queue's member").isEqualTo(404);
            assertThat(json(api.send("PUT", "/api/queue-agents/2002", token, "{}")).at("/error/field").asText())
                    .isEqualTo("logged_in");

            HttpResponse<String> skilled = api.send("PUT", "/api/queue-agents/2002", token, "{\"skills\":{\"french\":4}}");
            assertThat(skilled.statusCode()).as("skills: %s", skilled.body()).isEqualTo(200);
            assertThat(json(skilled).at("/skills/french").asInt()).isEqualTo(4);
            assertThat(json(skilled).get("paused").asBoolean()).as("kept").isTrue();
            assertThat(json(api.send("PUT", "/api/queue-agents/2002", token, "{\"skills\":{\"french\":12}}"))
                    .at("/error/field").asText()).isEqualTo("skills.french");

            JsonNode stats = json(api.send("GET", QUEUES + "/sales/stats", token, null));
            assertThat(stats.get("waiting").asInt()).isZero();
            assertThat(stats.get("answered").asInt()).isZero();
            assertThat(stats.get("abandoned").asInt()).isZero();
            assertThat(stats.get("longest_wait_seconds").asInt()).isZero();
            assertThat(stats.get("service_level_percent").asDouble()).isEqualTo(100.0);
            assertThat(stats.at("/agents_by_state/logged_out").asInt()).isEqualTo(1);
            assertThat(stats.at("/agents_by_state/paused").asInt()).isEqualTo(1);
            JsonNode agents = json(api.send("GET", "/api/queue-agents", token, null));
            assertThat(agents.findValuesAsText("extension")).containsExactly("2001", "2002");
            assertThat(agents.at("/0/logged_in").asBoolean()).isFalse();
            assertThat(agents.at("/1/paused").asBoolean()).isTrue();
            assertThat(agents.at("/1/skills/french").asInt()).isEqualTo(4);
        }
    }

    @BothEngines
    void aRuleMayNameAnExistingQueueOnly(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", QUEUES, token, SALES);
            HttpResponse<String> rule = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":50,"name":"sales","pattern":"600","action":"queue","target":"sales"}""");
            assertThat(rule.statusCode()).as("rule: %s", rule.body()).isEqualTo(201);
            HttpResponse<String> unknown = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":51,"name":"support","pattern":"601","action":"queue","target":"support"}""");
            assertThat(json(unknown).at("/error/field").asText()).isEqualTo("target");

            JsonNode call = json(api.send("GET", "/api/dialplan/test?from=2003&to=600", token, null));
            assertThat(call.at("/plan/action").asText()).isEqualTo("application");
            assertThat(call.at("/plan/kind").asText()).isEqualTo("queue");
            assertThat(call.at("/plan/target").asText()).isEqualTo("sales");
        }
    }
}
