package org.switchboard.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.recording.RecordingService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.recording.CallRecording;
import org.switchboard.store.recording.JdbiRecordingStore;
import org.switchboard.store.recording.NewCallRecording;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Call recording over real HTTP on SQLite: policies, the list with its filters, the audio, legal hold guarding
 * delete, retention, and 400s naming the field. (Recording a real call: {@code RecordingCallIT}.)
 */
class RecordingRoutesTest {
    private static final Instant STARTED = Instant.parse("2026-05-01T09:30:00Z");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path folder;

    private RecordingService recordings;

    private ApiFixture serve(TestDatabase db) {
        EventBus events = new EventBus();
        new JdbiExtensionStore(db.database()).create(new NewExtension("1001", "Alice", null, MD5, MD5 + MD5,
                ApiFixture.REALM, null, false, true, null), STARTED);
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        recordings = new RecordingService(new JdbiRecordingStore(db.database()), extensions, folder, Clock.systemUTC(),
                events);
        // no call is in progress in this test: the on-demand switch finds none
        return new ApiFixture(db, new RecordingRoutes(recordings, (id, on) -> CompletableFuture.completedFuture(
                Optional.empty())));
    }

    @Test
    void policiesAreStoredPerExtensionAndBadOnesAreRefusedNamingTheField() {
        try (TestDatabase db = TestDatabases.sqlite(); ApiFixture api = serve(db)) {
            String token = api.login();

            assertThat(json(api.send("GET", "/api/extensions/1001/recording", token, null)).get("policy").asText())
                    .as("an extension without a policy is never recorded").isEqualTo("never");
            HttpResponse<String> saved = api.send("PUT", "/api/extensions/1001/recording", token,
                    "{\"policy\":\"on_demand\",\"announcement\":true}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json(api.send("GET", "/api/extensions/1001/recording", token, null)).get("announcement")
                    .asBoolean()).isTrue();
            assertThat(recordings.policy("1001").announcement()).as("the cache follows").isTrue();

            HttpResponse<String> bad = api.send("PUT", "/api/extensions/1001/recording", token, "{\"policy\":\"loud\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("policy");
            assertThat(api.send("PUT", "/api/extensions/1999/recording", token, "{\"policy\":\"always\"}").statusCode())
                    .isEqualTo(404);
            HttpResponse<String> action = api.send("POST", "/api/calls/abc/recording", token, "{\"action\":\"jump\"}");
            assertThat(json(action).at("/error/field").asText()).isEqualTo("action");
            assertThat(api.send("POST", "/api/calls/abc/recording", token, "{\"action\":\"start\"}").statusCode())
                    .as("no such call").isEqualTo(404);
        }
    }

    @Test
    void recordingsAreListedPlayedHeldAndDeleted() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(); ApiFixture api = serve(db)) {
            String token = api.login();
            Files.write(folder.resolve("a.wav"), new byte[] {'R', 'I', 'F', 'F'});
            CallRecording stored = recordings.stored(new NewCallRecording("call-a", "1001", STARTED, 42, "a.wav"));
            String path = "/api/recordings/" + stored.id();

            assertThat(json(api.send("GET", "/api/recordings?call=call-a", token, null)).get(0).get("duration_seconds")
                    .asInt()).isEqualTo(42);
            assertThat(json(api.send("GET", "/api/recordings?date=2026-05-01&extension=1001", token, null))).hasSize(1);
            assertThat(json(api.send("GET", "/api/recordings?date=2026-05-02", token, null))).isEmpty();
            assertThat(json(api.send("GET", "/api/recordings?date=May", token, null)).at("/error/field").asText())
                    .isEqualTo("date");
            HttpResponse<String> audio = api.send("GET", path + "/audio", token, null);
            assertThat(audio.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
            assertThat(audio.body()).isEqualTo("RIFF");

            assertThat(json(api.send("PATCH", path, token, "{}")).at("/error/field").asText()).isEqualTo("legal_hold");
            assertThat(json(api.send("PATCH", path, token, "{\"legal_hold\":true}")).get("legal_hold").asBoolean())
                    .isTrue();
            HttpResponse<String> held = api.send("DELETE", path, token, null);
            assertThat(held.statusCode()).isEqualTo(409);
            assertThat(json(held).at("/error/field").asText()).isEqualTo("legal_hold");

            api.send("PATCH", path, token, "{\"legal_hold\":false}");
            assertThat(api.send("DELETE", path, token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", path, token, null).statusCode()).isEqualTo(404);
            assertThat(folder.resolve("a.wav")).doesNotExist();
            assertThat(api.send("GET", "/api/recordings/x", token, null).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void retentionIsSetClearedAndCheckedNamingTheField() {
        try (TestDatabase db = TestDatabases.sqlite(); ApiFixture api = serve(db)) {
            String token = api.login();

            assertThat(json(api.send("PUT", "/api/recordings/retention", token, "{\"max_age_days\":30}"))
                    .get("max_age_days").asInt()).isEqualTo(30);
            assertThat(json(api.send("GET", "/api/recordings/retention", token, null)).get("max_age_days").asInt())
                    .isEqualTo(30);
            HttpResponse<String> bad = api.send("PUT", "/api/recordings/retention", token, "{\"max_age_days\":0}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("max_age_days");
            api.send("PUT", "/api/recordings/retention", token, "{\"max_age_days\":null}");
            assertThat(json(api.send("GET", "/api/recordings/retention", token, null)).has("max_age_days"))
                    .as("kept forever: null, left out").isFalse();
        }
    }
}
