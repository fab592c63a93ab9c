package org.switchboard.api.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.conference.ConferenceService;
import org.switchboard.pbx.conference.LiveConferences;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.conference.JdbiConferenceRoomStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Conference rooms over real HTTP on SQLite and PostgreSQL: create, read, update, delete, defaults, 400 naming the
 * field, 404, 409, and an empty room's participants. (Callers in a room, mute and kick: {@code ConferenceAudioIT}.)
 */
class ConferenceRoutesTest {
    private static final String PATH = "/api/conferences";
    private static final String ROOM1 = """
            {"name":"room1","pin":"","moderator_pin":"","max_participants":20}""";

    private ConferenceService rooms;

    private ApiFixture serve(TestDatabase db) {
        rooms = new ConferenceService(new JdbiConferenceRoomStore(db.database()), Clock.systemUTC(), new EventBus());
        rooms.reloadCache();
        return new ApiFixture(db, new ConferenceRoutes(rooms, new LiveConferences(Clock.systemUTC(), Path.of("unused"))));
    }

    @BothEngines
    void aCreatedRoomIsListedAndReadWithItsDefaults(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", PATH, token, ROOM1);

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/conferences/room1");
            JsonNode room = json(api.send("GET", PATH + "/room1", token, null));
            assertThat(room.get("name").asText()).isEqualTo("room1");
            assertThat(room.get("max_participants").asInt()).isEqualTo(20);
            assertThat(room.get("pin").asText()).isEmpty();
            assertThat(room.get("tones").asBoolean()).as("tones on by default").isTrue();
            assertThat(room.get("record").asBoolean()).isFalse();
            assertThat(room.get("wait_for_moderator").asBoolean()).isFalse();
            assertThat(room.get("participants").asInt()).isZero();
            assertThat(json(api.send("GET", PATH, token, null))).hasSize(1);
            HttpResponse<String> participants = api.send("GET", PATH + "/room1/participants", token, null);
            assertThat(participants.statusCode()).isEqualTo(200);
            assertThat(json(participants)).as("nobody in the room").isEmpty();
        }
    }

    @BothEngines
    void anUpdateIsStoredAndSurvivesAReload(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, ROOM1);

            HttpResponse<String> r = api.send("PUT", PATH + "/room1", token, """
                    {"number":"800","pin":"1234","moderator_pin":"9999","max_participants":5,
                     "wait_for_moderator":true,"tones":false,"record":true}""");

            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            rooms.reloadCache();
            JsonNode room = json(api.send("GET", PATH + "/room1", token, null));
            assertThat(room.get("number").asText()).isEqualTo("800");
            assertThat(room.get("pin").asText()).isEqualTo("1234");
            assertThat(room.get("moderator_pin").asText()).isEqualTo("9999");
            assertThat(room.get("max_participants").asInt()).isEqualTo(5);
            assertThat(room.get("wait_for_moderator").asBoolean()).isTrue();
            assertThat(room.get("tones").asBoolean()).isFalse();
            assertThat(room.get("record").asBoolean()).isTrue();
        }
    }

    @BothEngines
    void badValuesAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, ROOM1);

            assertField(api.send("POST", PATH, token, "{\"pin\":\"1\"}"), "name");
            assertField(api.send("POST", PATH, token, "{\"name\":\"bad name\"}"), "name");
            assertField(api.send("POST", PATH, token, "{\"name\":\"r2\",\"pin\":\"12ab\"}"), "pin");
            assertField(api.send("POST", PATH, token, "{\"name\":\"r2\",\"max_participants\":1}"), "max_participants");
            assertField(api.send("POST", PATH, token, "{\"name\":\"r2\",\"wait_for_moderator\":true}"), "wait_for_moderator");
            assertField(api.send("PUT", PATH + "/room1", token, "{\"name\":\"other\"}"), "name");
            assertField(api.send("PATCH", PATH + "/room1/participants/1", token, "{}"), "muted");
        }
    }

    @BothEngines
    void aTakenNameOrNumberIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, "{\"name\":\"room1\",\"number\":\"800\"}");

            assertThat(api.send("POST", PATH, token, ROOM1).statusCode()).isEqualTo(409);
            HttpResponse<String> number = api.send("POST", PATH, token, "{\"name\":\"room2\",\"number\":\"800\"}");
            assertThat(number.statusCode()).isEqualTo(409);
            assertThat(json(number).at("/error/field").asText()).isEqualTo("number");
        }
    }

    @BothEngines
    void deleteRemovesTheRoomAndUnknownRoomsAndParticipantsAre404(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, ROOM1);

            assertThat(api.send("PATCH", PATH + "/room1/participants/7", token, "{\"muted\":true}").statusCode())
                    .as("nobody has number 7").isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/room1/participants/7", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/room1", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", PATH + "/room1", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", PATH + "/room1/participants", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/room1", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("PUT", PATH + "/room1", token, ROOM1).statusCode()).isEqualTo(404);
        }
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as("%s", r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).as("%s", r.body()).isEqualTo(field);
    }
}
