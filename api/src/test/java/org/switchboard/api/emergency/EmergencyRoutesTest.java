package org.switchboard.api.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.emergency.EmergencyService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.emergency.JdbiEmergencyStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * Emergency settings and extension locations over real HTTP on SQLite and PostgreSQL: the
 * defaults before anything is saved, a save committed when the call returns (read back from the
 * database), 400 naming the field for each bad value, 404 for unknown extensions and locations.
 */
class EmergencyRoutesTest {
    private static final String SETTINGS = """
            {"numbers":["911","112"],"trunks":["carrier"],"callback_number":"15550001000",
             "notify":{"emails":["desk@example.com"],"extension":"1000"}}""";
    private static final String LOCATION = """
            {"civic":{"country":"US","state":"CA","city":"Springfield","street":"Main St","house_number":"100",
             "floor":"2","room":"201"}}""";

    private static ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        for (String n : List.of("1000", "1001")) {
            extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
        }
        TrunkService trunks = new TrunkService(new JdbiSipTrunkStore(db.database()),
                new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(), events);
        trunks.create(new TrunkInput("carrier", "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true), "test");
        EmergencyService service = new EmergencyService(new JdbiEmergencyStore(db.database()), extensions, trunks,
                Clock.systemUTC(), events);
        service.reloadCache();
        return new ApiFixture(db, events, new EmergencyRoutes(service));
    }

    @BothEngines
    void settingsStartAt911AndAreSavedAsSent(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            JsonNode unset = json(api.send("GET", "/api/emergency", token, null));
            assertThat(unset.get("numbers")).extracting(JsonNode::asText).containsExactly("911");
            assertThat(unset.get("trunks")).isEmpty();

            HttpResponse<String> saved = api.send("PUT", "/api/emergency", token, SETTINGS);

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode read = json(api.send("GET", "/api/emergency", token, null));
            assertThat(read.get("numbers")).extracting(JsonNode::asText).containsExactly("911", "112");
            assertThat(read.get("trunks")).extracting(JsonNode::asText).containsExactly("carrier");
            assertThat(read.get("callback_number").asText()).isEqualTo("15550001000");
            assertThat(read.at("/notify/emails/0").asText()).isEqualTo("desk@example.com");
            assertThat(read.at("/notify/extension").asText()).isEqualTo("1000");
            assertThat(new JdbiEmergencyStore(db.database()).settings().orElseThrow().values().numbers())
                    .as("committed when the call returned").containsExactly("911", "112");
        }
    }

    @BothEngines
    void aLocationIsSavedReadListedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(api.send("GET", "/api/extensions/1001/location", token, null).statusCode()).isEqualTo(404);

            HttpResponse<String> saved = api.send("PUT", "/api/extensions/1001/location", token, LOCATION);

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode location = json(api.send("GET", "/api/extensions/1001/location", token, null));
            assertThat(location.get("extension").asText()).isEqualTo("1001");
            assertThat(location.at("/civic/house_number").asText()).isEqualTo("100");
            assertThat(location.at("/civic/room").asText()).isEqualTo("201");
            assertThat(json(api.send("GET", "/api/emergency/locations", token, null))).hasSize(1);
            assertThat(new JdbiEmergencyStore(db.database()).location("1001")).as("committed").isPresent();

            assertThat(api.send("DELETE", "/api/extensions/1001/location", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", "/api/extensions/1001/location", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", "/api/extensions/1001/location", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("PUT", "/api/extensions/4040/location", token, LOCATION).statusCode())
                    .as("an unknown extension").isEqualTo(404);
        }
    }

    @BothEngines
    void badSettingsAndLocationsAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] settings = {
                {"{\"trunks\":[\"carrier\"]}", "numbers"},
                {"{\"numbers\":[\"9-1-1\"],\"trunks\":[\"carrier\"]}", "numbers"},
                {"{\"numbers\":[\"911\",\"1001\"],\"trunks\":[\"carrier\"]}", "numbers"},
                {"{\"numbers\":[\"911\"]}", "trunks"},
                {"{\"numbers\":[\"911\"],\"trunks\":[]}", "trunks"},
                {"{\"numbers\":[\"911\"],\"trunks\":[\"nowhere\"]}", "trunks"},
                {"{\"numbers\":[\"911\"],\"trunks\":[\"carrier\"],\"callback_number\":\"abc\"}", "callback_number"},
                {"{\"numbers\":[\"911\"],\"trunks\":[\"carrier\"],\"notify\":{\"emails\":[\"desk\"]}}", "notify.emails"},
                {"{\"numbers\":[\"911\"],\"trunks\":[\"carrier\"],\"notify\":{\"extension\":\"4040\"}}", "notify.extension"},
            };
            for (String[] c : settings) {
                HttpResponse<String> r = api.send("PUT", "/api/emergency", token, c[0]);
                assertThat(r.statusCode()).as("PUT %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", c[0]).isEqualTo(c[1]);
            }
            String[][] locations = {
                {"{}", "civic"},
                {"{\"civic\":{\"country\":\"USA\",\"state\":\"CA\",\"city\":\"S\",\"street\":\"M\",\"house_number\":\"1\"}}",
                    "civic.country"},
                {"{\"civic\":{\"country\":\"US\",\"state\":\"CA\",\"street\":\"M\",\"house_number\":\"1\"}}", "civic.city"},
                {"{\"civic\":{\"country\":\"US\",\"state\":\"CA\",\"city\":\"S\",\"street\":\"M\"}}", "civic.house_number"},
            };
            for (String[] c : locations) {
                HttpResponse<String> r = api.send("PUT", "/api/extensions/1001/location", token, c[0]);
                assertThat(r.statusCode()).as("PUT %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", "/api/emergency", token, null)).get("trunks")).as("nothing saved").isEmpty();
        }
    }
}
