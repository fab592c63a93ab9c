package org.switchboard.api.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.voicemail.PinCheck;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.voicemail.JdbiVoicemailStore;

/** Voicemail boxes, messages and greetings over real HTTP, on SQLite and PostgreSQL. */
class VoicemailRoutesTest {
    private static final String BOX = "/api/voicemail/boxes/1001";
    private static final byte[] WAV = WavFile.write(new PcmAudio(8000, 1, new short[1600]));

    @TempDir
    Path dataDir;
    private VoicemailService voicemail;

    private ApiFixture serve(TestDatabase db) {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), java.time.Clock.systemUTC(), new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", "alice@example.com", null, false, true), "test");
        voicemail = new VoicemailService(new JdbiVoicemailStore(db.database()), extensions, dataDir.resolve("voicemail"),
                VoicemailSettings.DEFAULTS, java.time.Clock.systemUTC(), List.of());
        voicemail.reloadCache();
        return new ApiFixture(db, new VoicemailRoutes(voicemail));
    }

    private VoicemailMessage leave(Instant at) throws IOException {
        Path recording = voicemail.newRecording("1001");
        Files.write(recording, WAV);
        return voicemail.deposit("1001", recording, "1002", "Bob", at, Duration.ofMillis(2_340));
    }

    private static JsonNode parse(byte[] body) throws IOException {
        return org.switchboard.api.http.Json.MAPPER.readTree(body);
    }

    private static HttpResponse<byte[]> bytes(ApiFixture api, String method, String path, String token, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "audio/wav");
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @BothEngines
    void aBoxShowsItsDefaultsAndAPutReplacesThemWithoutShowingThePin(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            JsonNode box = json(api.send("GET", BOX, token, null));
            assertThat(box.get("enabled").asBoolean()).isTrue();
            assertThat(box.get("max_message_seconds").asInt()).isEqualTo(180);
            assertThat(box.get("email").asText()).isEqualTo("alice@example.com");
            assertThat(box.get("pin_set").asBoolean()).isFalse();

            HttpResponse<String> r = api.send("PUT", BOX, token, """
                    {"enabled":false,"email_messages":false,"max_message_seconds":90,"own_phone_skips_pin":true,"pin":"482913"}""");

            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("482913").doesNotContain("argon2");
            JsonNode back = json(api.send("GET", BOX, token, null));
            assertThat(back.get("enabled").asBoolean()).isFalse();
            assertThat(back.get("email_messages").asBoolean()).isFalse();
            assertThat(back.get("max_message_seconds").asInt()).isEqualTo(90);
            assertThat(back.get("own_phone_skips_pin").asBoolean()).isTrue();
            assertThat(back.get("pin_set").asBoolean()).isTrue();
            assertThat(voicemail.checkPin("1001", "482913")).isEqualTo(PinCheck.ACCEPTED);
            assertThat(voicemail.lastResort().isEnabled("1001")).as("the last resort follows").isFalse();
        }
    }

    @BothEngines
    void badBoxSettingsAre400NamingTheFieldAndAnUnknownBoxIs404(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"pin\":\"12\"}", "pin"},
                    {"{\"pin\":\"12ab\"}", "pin"},
                    {"{\"max_message_seconds\":5}", "max_message_seconds"},
                    {"{\"max_message_seconds\":4000}", "max_message_seconds"},
                    {"{\"enabled\":\"yes\"}", "enabled"},
                    {"{\"email\":\"x@example.com\"}", "email"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("PUT", BOX, token, c[0]);
                assertThat(r.statusCode()).as("%s -> %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as(c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", BOX, token, null)).get("pin_set").asBoolean()).as("nothing saved").isFalse();
            assertThat(api.send("GET", "/api/voicemail/boxes/1099", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", BOX, null, null).statusCode()).isEqualTo(401);
        }
    }

    @BothEngines
    void messagesListPlayMoveAndDelete(TestDatabase db) throws IOException {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            VoicemailMessage first = leave(Instant.parse("2026-05-01T09:00:00Z"));
            VoicemailMessage second = leave(Instant.parse("2026-05-01T09:30:00Z"));
            Path firstAudio = voicemail.audio("1001", first.id()).orElseThrow();

            JsonNode list = json(api.send("GET", BOX + "/messages", token, null));
            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("id").asLong()).isEqualTo(first.id());
            assertThat(list.get(0).get("caller").asText()).isEqualTo("1002");
            assertThat(list.get(0).get("caller_name").asText()).isEqualTo("Bob");
            assertThat(list.get(0).get("received_at").asText()).isEqualTo("2026-05-01T09:00:00Z");
            assertThat(list.get(0).get("duration_seconds").asDouble()).isEqualTo(2.3);
            assertThat(list.get(0).get("folder").asText()).isEqualTo("new");

            HttpResponse<byte[]> audio = bytes(api, "GET", BOX + "/messages/" + first.id() + "/audio", token, null);
            assertThat(audio.statusCode()).isEqualTo(200);
            assertThat(audio.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
            assertThat(audio.body()).isEqualTo(WAV);

            HttpResponse<String> moved = api.send("PATCH", BOX + "/messages/" + first.id(), token, "{\"folder\":\"old\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            assertThat(json(moved).get("folder").asText()).isEqualTo("old");
            HttpResponse<String> bad = api.send("PATCH", BOX + "/messages/" + first.id(), token, "{\"folder\":\"saved\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("folder");

            assertThat(api.send("DELETE", BOX + "/messages/" + first.id(), token, null).statusCode()).isEqualTo(204);
            assertThat(firstAudio).doesNotExist();
            assertThat(api.send("DELETE", BOX + "/messages/" + first.id(), token, null).statusCode()).isEqualTo(404);
            assertThat(bytes(api, "GET", BOX + "/messages/" + first.id() + "/audio", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", BOX + "/messages/abc/audio", token, null).statusCode()).isEqualTo(404);
            assertThat(json(api.send("GET", BOX + "/messages", token, null)))
                    .extracting(n -> n.get("id").asLong()).containsExactly(second.id());
        }
    }

    @BothEngines
    void aGreetingIsAMonoWavAndAnythingElseIs400NamingTheProblem(TestDatabase db) throws IOException {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertThat(bytes(api, "PUT", BOX + "/greetings/busy", token, WAV).statusCode()).isEqualTo(204);
            HttpResponse<byte[]> back = bytes(api, "GET", BOX + "/greetings/busy", token, null);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo(WAV);
            assertThat(json(api.send("GET", BOX, token, null)).get("greetings"))
                    .extracting(JsonNode::asText).containsExactly("busy");

            HttpResponse<byte[]> stereo = bytes(api, "PUT", BOX + "/greetings/name", token,
                    WavFile.write(new PcmAudio(8000, 2, new short[200])));
            assertThat(stereo.statusCode()).isEqualTo(400);
            JsonNode problem = parse(stereo.body());
            assertThat(problem.at("/error/field").asText()).isEqualTo("audio");
            assertThat(problem.at("/error/message").asText()).contains("2 channels");
            HttpResponse<String> text = api.send("PUT", BOX + "/greetings/name", token, "hello", "Content-Type", "audio/wav");
            assertThat(text.statusCode()).isEqualTo(400);
            assertThat(json(text).at("/error/message").asText()).contains("not a readable WAV");
            assertThat(bytes(api, "PUT", BOX + "/greetings/voice", token, WAV).statusCode()).isEqualTo(404);
            assertThat(bytes(api, "GET", BOX + "/greetings/name", token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void everyVoicemailRouteIsDocumented(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            assertThat(api.server.openApi().operations()).contains(
                    new RouteKey("GET", "/api/voicemail/boxes/{number}"),
                    new RouteKey("PUT", "/api/voicemail/boxes/{number}"),
                    new RouteKey("GET", "/api/voicemail/boxes/{number}/messages"),
                    new RouteKey("GET", "/api/voicemail/boxes/{number}/messages/{id}/audio"),
                    new RouteKey("PATCH", "/api/voicemail/boxes/{number}/messages/{id}"),
                    new RouteKey("DELETE", "/api/voicemail/boxes/{number}/messages/{id}"),
                    new RouteKey("GET", "/api/voicemail/boxes/{number}/greetings/{kind}"),
                    new RouteKey("PUT", "/api/voicemail/boxes/{number}/greetings/{kind}"));
            assertThat(api.server.openApi().operations()).containsAll(api.server.registeredRoutes());
        }
    }
}
