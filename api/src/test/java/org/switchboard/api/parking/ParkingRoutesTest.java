package org.switchboard.api.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.parking.ParkApplication;
import org.switchboard.pbx.parking.ParkedCalls;
import org.switchboard.pbx.parking.ParkingService;
import org.switchboard.pbx.parking.RetrieveApplication;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.parking.JdbiParkLotStore;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The park lot and the parked calls over real HTTP on SQLite and PostgreSQL: the seeded lot, a change stored with
 * the dial-plan rules following it, 400s naming the field, and an empty lot's list. (Parked calls themselves:
 * {@code ParkingIT}.)
 */
class ParkingRoutesTest {
    private static final String LOT = "/api/parking/lot";

    private ParkingService parking;
    private DialPlanService dialPlan;

    private ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), events);
        dialPlan.kinds().register(ParkApplication.kind());
        dialPlan.kinds().register(RetrieveApplication.kind());
        dialPlan.kinds().register(new ApplicationKind("voicemail", "a mailbox", target -> { }));
        dialPlan.reloadCache();
        parking = new ParkingService(new JdbiParkLotStore(db.database()), dialPlan, Set.of("default", "calm")::contains,
                Clock.systemUTC(), events);
        parking.save(new NewParkLot("700", 701, 720, 45, "default", Optional.empty()), "seed");
        return new ApiFixture(db, new ParkingRoutes(parking, new ParkedCalls(Clock.systemUTC())));
    }

    @BothEngines
    void theLotIsReadWithItsSettingsAndNothingIsParked(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();

            JsonNode lot = json(api.send("GET", LOT, token, null));
            assertThat(lot.get("number").asText()).isEqualTo("700");
            assertThat(lot.get("first_slot").asInt()).isEqualTo(701);
            assertThat(lot.get("last_slot").asInt()).isEqualTo(720);
            assertThat(lot.get("timeout_seconds").asInt()).isEqualTo(45);
            assertThat(lot.get("music_class").asText()).isEqualTo("default");
            assertThat(lot.has("return_action")).as("no return action").isFalse();
            HttpResponse<String> parked = api.send("GET", "/api/parking", token, null);
            assertThat(parked.statusCode()).isEqualTo(200);
            assertThat(json(parked)).as("nothing parked").isEmpty();
        }
    }

    @BothEngines
    void aChangeIsStoredAndTheDialPlanRulesFollowIt(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();

            HttpResponse<String> r = api.send("PUT", LOT, token, """
                    {"number":"*70","first_slot":71,"last_slot":79,"timeout_seconds":30,"music_class":"calm",
                     "return_action":{"action":"voicemail","target":"1000"}}""");

            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            parking.reloadCache();
            JsonNode lot = json(api.send("GET", LOT, token, null));
            assertThat(lot.get("number").asText()).isEqualTo("*70");
            assertThat(lot.get("first_slot").asInt()).isEqualTo(71);
            assertThat(lot.get("music_class").asText()).isEqualTo("calm");
            assertThat(lot.at("/return_action/action").asText()).isEqualTo("voicemail");
            assertThat(lot.at("/return_action/target").asText()).isEqualTo("1000");
            assertThat(dialPlan.list()).extracting(DialPlanRule::pattern).contains("\\*70", "(7[1-9])")
                    .doesNotContain("700");
            assertThat(dialPlan.route("1000", "*70").route())
                    .isEqualTo(new Route.ToApplication("park", "default", "*70", Optional.empty()));
            assertThat(dialPlan.route("1000", "75").route())
                    .isEqualTo(new Route.ToApplication("park_slot", "75", "75", Optional.of("75")));
        }
    }

    @BothEngines
    void badValuesAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String good = "\"first_slot\":701,\"last_slot\":720,\"timeout_seconds\":45,\"music_class\":\"default\"";

            assertField(api.send("PUT", LOT, token, "{" + good + "}"), "number");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"7x\"," + good + "}"), "number");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"710\"," + good + "}"), "number");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"700\",\"last_slot\":720,\"timeout_seconds\":45,"
                    + "\"music_class\":\"default\"}"), "first_slot");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"700\",\"first_slot\":720,\"last_slot\":701,"
                    + "\"timeout_seconds\":45,\"music_class\":\"default\"}"), "last_slot");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"700\",\"first_slot\":701,\"last_slot\":720,"
                    + "\"timeout_seconds\":1,\"music_class\":\"default\"}"), "timeout_seconds");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"700\",\"first_slot\":701,\"last_slot\":720,"
                    + "\"timeout_seconds\":45,\"music_class\":\"jazz\"}"), "music_class");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"700\"," + good
                    + ",\"return_action\":{\"action\":\"nowhere\",\"target\":\"1\"}}"), "return_action.action");
            assertField(api.send("PUT", LOT, token, "{\"number\":\"700\"," + good
                    + ",\"return_action\":{\"action\":\"voicemail\",\"target\":\"\"}}"), "return_action.target");
            assertThat(json(api.send("GET", LOT, token, null)).get("number").asText())
                    .as("nothing refused was stored").isEqualTo("700");
        }
    }

    @BothEngines
    void everyParkingRouteIsDocumented(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            assertThat(api.server.openApi().operations()).containsAll(api.server.registeredRoutes())
                    .contains(new RouteKey("GET", "/api/parking"), new RouteKey("PUT", "/api/parking/lot"));
        }
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as("%s", r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).as("%s", r.body()).isEqualTo(field);
    }
}
