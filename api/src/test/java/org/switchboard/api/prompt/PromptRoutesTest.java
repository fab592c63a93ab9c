package org.switchboard.api.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.store.prompt.JdbiPromptStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Prompts over real HTTP, on SQLite and PostgreSQL: upload, list, audio, delete, and the 400s. */
class PromptRoutesTest {
    @TempDir
    Path folder;

    private ApiFixture serve(TestDatabase db) {
        PromptService prompts = new PromptService(new JdbiPromptStore(db.database()), folder, java.time.Clock.systemUTC(),
                new EventBus());
        prompts.reloadCache();
        return new ApiFixture(db, new PromptRoutes(prompts));
    }

    private static byte[] wav(int rate, int channels, int millis) {
        short[] samples = new short[rate * millis / 1000 * channels];
        Arrays.fill(samples, (short) 800);
        return WavFile.write(new PcmAudio(rate, channels, samples));
    }

    private HttpResponse<byte[]> send(ApiFixture api, String method, String path, String token, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "audio/wav");
        }
        return api.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return org.switchboard.api.http.Json.MAPPER.readTree(r.body());
    }

    @BothEngines
    void anUploadIsListedServedAndDeletedBackToTheShippedPrompt(TestDatabase db) throws Exception {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            byte[] greeting = wav(16000, 1, 1250);

            HttpResponse<byte[]> put = send(api, "PUT", "/api/prompts/welcome", token, greeting);
            assertThat(put.statusCode()).as("PUT: %s", new String(put.body())).isEqualTo(200);
            assertThat(json(put).get("duration_ms").asLong()).isEqualTo(1250);
            HttpResponse<byte[]> put2 = send(api, "PUT", "/api/prompts/main-menu", token, wav(8000, 1, 500));
            assertThat(put2.statusCode()).isEqualTo(200);

            JsonNode list = json(send(api, "GET", "/api/prompts", token, null));
            assertThat(entry(list, "welcome").get("source").asText()).isEqualTo("uploaded");
            assertThat(entry(list, "welcome").get("system").asBoolean()).isTrue();
            assertThat(entry(list, "main-menu").get("system").asBoolean()).isFalse();
            assertThat(entry(list, "goodbye").get("source").asText()).isEqualTo("system");
            assertThat(entry(list, "goodbye").get("duration_ms").asLong()).isPositive();

            HttpResponse<byte[]> audio = send(api, "GET", "/api/prompts/welcome", token, null);
            assertThat(audio.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
            assertThat(audio.body()).isEqualTo(greeting);

            assertThat(send(api, "DELETE", "/api/prompts/welcome", token, null).statusCode()).isEqualTo(204);
            assertThat(entry(json(send(api, "GET", "/api/prompts", token, null)), "welcome").get("source").asText())
                    .isEqualTo("system");
            assertThat(send(api, "GET", "/api/prompts/welcome", token, null).body()).as("the shipped prompt").isNotEqualTo(greeting);
            assertThat(send(api, "DELETE", "/api/prompts/welcome", token, null).statusCode()).as("nothing uploaded").isEqualTo(404);
            assertThat(send(api, "GET", "/api/prompts/nothing-here", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/prompts", null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().startsWith("/api/prompts")).toList());
        }
    }

    @BothEngines
    void audioCallsCannotPlayIs400NamingTheProblem(TestDatabase db) throws Exception {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            Object[][] cases = {
                    {"/api/prompts/stereo", wav(8000, 2, 300), "body", "mono"},
                    {"/api/prompts/cd", wav(44100, 1, 300), "body", "44100"},
                    {"/api/prompts/mp3", "ID3\u0004 an mp3".getBytes(), "body", "RIFF"},
                    {"/api/prompts/empty", new byte[0], "body", "RIFF"},
                    {"/api/prompts/Bad_Name", wav(8000, 1, 300), "name", "lower-case"},
            };
            for (Object[] c : cases) {
                HttpResponse<byte[]> r = send(api, "PUT", (String) c[0], token, (byte[]) c[1]);
                assertThat(r.statusCode()).as("PUT %s: %s", c[0], new String(r.body())).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", c[0]).isEqualTo(c[2]);
                assertThat(json(r).at("/error/message").asText()).as("PUT %s", c[0]).contains((String) c[3]);
            }
            assertThat(json(send(api, "GET", "/api/prompts", token, null)).findValuesAsText("source")).doesNotContain("uploaded");
        }
    }

    private static JsonNode entry(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no prompt " + name + " in " + list);
    }
}
