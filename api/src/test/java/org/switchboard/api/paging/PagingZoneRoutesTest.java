package org.switchboard.api.paging;

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
import org.switchboard.pbx.paging.IntercomApplication;
import org.switchboard.pbx.paging.PageApplication;
import org.switchboard.pbx.paging.PagingService;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.paging.JdbiPagingZoneStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Paging zones over real HTTP, on SQLite and PostgreSQL: CRUD, 400s naming the field (members must be extensions),
 * and dial-plan rules of kinds {@code page} (naming an existing zone) and {@code intercom}.
 */
class PagingZoneRoutesTest {
    private static final String ZONES = "/api/paging-zones";
    private static final String WAREHOUSE = """
            {"name":"warehouse","number":"600","members":["2001","2002"],"beep":true,"max_seconds":30}""";

    /** The API server with paging zones and the dial plan over extensions 2001 to 2003. */
    private static ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        for (String n : List.of("2001", "2002", "2003")) {
            extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
        }
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), events);
        dialPlan.reloadCache();
        PagingService zones = new PagingService(new JdbiPagingZoneStore(db.database()), extensions, Clock.systemUTC(), events);
        zones.reloadCache();
        dialPlan.kinds().register(PageApplication.kind(zones));
        dialPlan.kinds().register(IntercomApplication.kind());
        CallSettingsService callSettings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, Clock.systemUTC(), events);
        callSettings.reloadCache();
        CallRouter router = new CallRouter(dialPlan, callSettings::current, new LocationService(Clock.systemUTC(), events),
                ExtensionLastResort.NONE);
        return new ApiFixture(db, new PagingZoneRoutes(zones), new DialPlanRoutes(dialPlan, router));
    }

    @BothEngines
    void aZoneIsCreatedReadReplacedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", ZONES, token, WAREHOUSE);
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/paging-zones/warehouse");

            JsonNode warehouse = json(api.send("GET", ZONES + "/warehouse", token, null));
            assertThat(warehouse.get("number").asText()).isEqualTo("600");
            assertThat(warehouse.get("members").toString()).isEqualTo("[\"2001\",\"2002\"]");
            assertThat(warehouse.get("beep").asBoolean()).isTrue();
            assertThat(warehouse.get("max_seconds").asInt()).isEqualTo(30);

            HttpResponse<String> put = api.send("PUT", ZONES + "/warehouse", token, """
                    {"members":["2003","2001"],"beep":false}""");
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            JsonNode after = json(api.send("GET", ZONES, token, null));
            assertThat(after).hasSize(1);
            assertThat(after.at("/0/members").toString()).isEqualTo("[\"2003\",\"2001\"]");
            assertThat(after.at("/0/beep").asBoolean()).isFalse();
            assertThat(after.at("/0/max_seconds").asInt()).as("the default").isEqualTo(60);
            assertThat(after.get(0).hasNonNull("number")).as("none given").isFalse();

            assertThat(api.send("POST", ZONES, token, WAREHOUSE).statusCode()).as("same name again").isEqualTo(409);
            assertThat(api.send("DELETE", ZONES + "/warehouse", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", ZONES + "/warehouse", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", ZONES + "/warehouse", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", ZONES, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().startsWith(ZONES)).toList());
        }
    }

    @BothEngines
    void badZonesAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"name\":\"z\",\"members\":[\"2001\",\"2999\"]}", "members[1]"},
                    {"{\"name\":\"z\",\"members\":[\"2001\",\"2001\"]}", "members[1]"},
                    {"{\"name\":\"z\",\"members\":[\"2001\",null]}", "members[1]"},
                    {"{\"name\":\"z\",\"members\":[]}", "members"},
                    {"{\"name\":\"z\"}", "members"},
                    {"{\"name\":\"z\",\"members\":[\"2001\"],\"max_seconds\":2}", "max_seconds"},
                    {"{\"name\":\"z\",\"members\":[\"2001\"],\"number\":\"six\"}", "number"},
                    {"{\"name\":\"z\",\"members\":[\"2001\"],\"beep\":\"yes\"}", "beep"},
                    {"{\"name\":\"Ware House\",\"members\":[\"2001\"]}", "name"},
                    {"{\"name\":\"z\",\"members\":[\"2001\"],\"colour\":\"red\"}", "colour"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", ZONES, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            HttpResponse<String> rename = api.send("PUT", ZONES + "/z", token, "{\"name\":\"y\",\"members\":[\"2001\"]}");
            assertThat(json(rename).at("/error/field").asText()).isEqualTo("name");
            assertThat(json(api.send("GET", ZONES, token, null))).as("nothing saved").isEmpty();
        }
    }

    @BothEngines
    void dialPlanRulesPageAZoneOrIntercomAnExtension(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", ZONES, token, WAREHOUSE);
            HttpResponse<String> page = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":50,"name":"page","pattern":"600","action":"page","target":"warehouse"}""");
            assertThat(page.statusCode()).as("rule: %s", page.body()).isEqualTo(201);
            HttpResponse<String> unknown = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":51,"name":"page office","pattern":"601","action":"page","target":"office"}""");
            assertThat(json(unknown).at("/error/field").asText()).isEqualTo("target");
            HttpResponse<String> intercom = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":52,"name":"intercom","pattern":"\\\\*80(\\\\d+)","action":"intercom","target":"$1"}""");
            assertThat(intercom.statusCode()).as("rule: %s", intercom.body()).isEqualTo(201);
            HttpResponse<String> badIntercom = api.send("POST", "/api/dialplan/rules", token, """
                    {"priority":53,"name":"intercom","pattern":"602","action":"intercom","target":"sales"}""");
            assertThat(json(badIntercom).at("/error/field").asText()).isEqualTo("target");

            JsonNode call = json(api.send("GET", "/api/dialplan/test?from=2003&to=*802001", token, null));
            assertThat(call.at("/route/type").asText()).isEqualTo("intercom");
            assertThat(call.at("/route/target").asText()).isEqualTo("2001");
            assertThat(json(api.send("GET", "/api/dialplan/test?from=2003&to=600", token, null)).at("/route/type").asText())
                    .isEqualTo("page");
        }
    }
}
