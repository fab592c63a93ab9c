package org.switchboard.api.moh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.callsettings.CallSettingsRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.moh.MohService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.moh.JdbiMohStore;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Music-on-hold classes and files over real HTTP, on SQLite and PostgreSQL, with the call settings that choose them. */
class MohRoutesTest {
    private static final String CLASSES = "/api/moh/classes";

    @TempDir
    Path dataDir;

    private MohService moh;

    private ApiFixture serve(TestDatabase db) {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions,
                Clock.systemUTC(), new EventBus());
        CallSettingsService settings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, Clock.systemUTC(), new EventBus());
        moh = new MohService(new JdbiMohStore(db.database()), dataDir.resolve("moh"), settings::current, new EventBus(),
                Clock.systemUTC(), new SimpleMeterRegistry());
        moh.create(new NewMohClass("default", null, null), "test");
        return new ApiFixture(db, new MohRoutes(moh), new CallSettingsRoutes(settings));
    }

    private static byte[] wav(int rateHz, int channels, Duration length) {
        int n = (int) (length.toMillis() * rateHz / 1000);
        short[] mono = new ToneGenerator(600, 0.3, rateHz).next(n);
        short[] all = new short[n * channels];
        for (int i = 0; i < all.length; i++) {
            all[i] = mono[i / channels];
        }
        return WavFile.write(new PcmAudio(rateHz, channels, all));
    }

    private HttpResponse<String> upload(ApiFixture api, String token, String path, byte[] body) throws Exception {
        return api.client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "audio/wav")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @BothEngines
    void aClassIsCreatedGivenFilesAndListedWithThem(TestDatabase db) throws Exception {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", CLASSES, token,
                    "{\"name\":\"jazz\",\"description\":\"Smooth\",\"order\":\"random\"}");
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains(CLASSES + "/jazz");

            HttpResponse<String> stored = upload(api, token, CLASSES + "/jazz/files/intro.wav", wav(16000, 1, Duration.ofSeconds(2)));
            upload(api, token, CLASSES + "/jazz/files/main.wav", wav(8000, 1, Duration.ofSeconds(1)));
            HttpResponse<String> updated = api.send("PUT", CLASSES + "/jazz", token, "{\"order\":\"sequential\"}");

            assertThat(stored.statusCode()).as("PUT file: %s", stored.body()).isEqualTo(200);
            assertThat(json(stored).get("duration_ms").asLong()).isEqualTo(2000);
            assertThat(updated.statusCode()).as("PUT class: %s", updated.body()).isEqualTo(200);
            JsonNode jazz = json(api.send("GET", CLASSES + "/jazz", token, null));
            assertThat(jazz.get("order").asText()).isEqualTo("sequential");
            assertThat(jazz.has("description")).as("PUT replaces: no description given").isFalse();
            JsonNode files = json(api.send("GET", CLASSES + "/jazz/files", token, null));
            assertThat(files).extracting(f -> f.get("file").asText()).containsExactly("intro.wav", "main.wav");
            assertThat(Files.size(dataDir.resolve("moh/jazz/intro.wav"))).isPositive();
            assertThat(json(api.send("GET", CLASSES, token, null))).extracting(c -> c.get("name").asText())
                    .containsExactly("default", "jazz");

            assertThat(api.send("DELETE", CLASSES + "/jazz/files/intro.wav", token, null).statusCode()).isEqualTo(204);
            assertThat(json(api.send("GET", CLASSES + "/jazz/files", token, null))).hasSize(1);
            assertThat(dataDir.resolve("moh/jazz/intro.wav")).doesNotExist();
        }
    }

    @BothEngines
    void badUploadsAndBodiesAre400NamingTheProblem(TestDatabase db) throws Exception {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", CLASSES, token, "{\"name\":\"jazz\"}");
            Object[][] uploads = {
                    {"stereo.wav", wav(8000, 2, Duration.ofSeconds(1)), "body", "mono"},
                    {"cd.wav", wav(44100, 1, Duration.ofMillis(200)), "body", "44100"},
                    {"text.wav", "hello".getBytes(), "body", "WAV"},
                    {"tiny.wav", wav(8000, 1, Duration.ofMillis(10)), "body", "20 ms"},
                    {"song.mp3", wav(8000, 1, Duration.ofSeconds(1)), "file", ".wav"},
            };
            for (Object[] u : uploads) {
                HttpResponse<String> r = upload(api, token, CLASSES + "/jazz/files/" + u[0], (byte[]) u[1]);
                assertThat(r.statusCode()).as("PUT %s: %s", u[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", u[0]).isEqualTo(u[2]);
                assertThat(json(r).at("/error/message").asText()).as("PUT %s", u[0]).contains((String) u[3]);
            }
            String[][] bodies = {
                    {"{\"name\":\"Jazz Club\"}", "name"},
                    {"{\"name\":\"rock\",\"order\":\"shuffle\"}", "order"},
                    {"{}", "name"},
                    {"{\"name\":\"rock\",\"volume\":3}", "volume"},
            };
            for (String[] b : bodies) {
                HttpResponse<String> r = api.send("POST", CLASSES, token, b[0]);
                assertThat(r.statusCode()).as("POST %s: %s", b[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", b[0]).isEqualTo(b[1]);
            }
            HttpResponse<String> rename = api.send("PUT", CLASSES + "/jazz", token, "{\"name\":\"blues\"}");
            assertThat(rename.statusCode()).as("rename: %s", rename.body()).isEqualTo(400);
            assertThat(json(api.send("GET", CLASSES + "/jazz/files", token, null))).isEmpty();
        }
    }

    @BothEngines
    void aClassAnExtensionChoosesIs409NamingItAndUnknownClassesAre404Or400(TestDatabase db) throws Exception {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", CLASSES, token, "{\"name\":\"jazz\"}");
            HttpResponse<String> choose = api.send("PUT", "/api/extensions/1001/call-settings", token, "{\"moh_class\":\"jazz\"}");
            assertThat(choose.statusCode()).as("choose: %s", choose.body()).isEqualTo(200);
            assertThat(json(choose).get("moh_class").asText()).isEqualTo("jazz");

            HttpResponse<String> delete = api.send("DELETE", CLASSES + "/jazz", token, null);
            assertThat(delete.statusCode()).as("DELETE: %s", delete.body()).isEqualTo(409);
            assertThat(json(delete).at("/error/message").asText()).contains("1001");
            assertThat(api.send("DELETE", CLASSES + "/default", token, null).statusCode()).isEqualTo(409);
            assertThat(api.send("POST", CLASSES, token, "{\"name\":\"jazz\"}").statusCode()).isEqualTo(409);

            HttpResponse<String> unknown = api.send("PUT", "/api/extensions/1001/call-settings", token, "{\"moh_class\":\"rock\"}");
            assertThat(unknown.statusCode()).as("unknown class: %s", unknown.body()).isEqualTo(400);
            assertThat(json(unknown).at("/error/field").asText()).isEqualTo("moh_class");
            assertThat(api.send("GET", CLASSES + "/rock", token, null).statusCode()).isEqualTo(404);
            assertThat(upload(api, token, CLASSES + "/rock/files/a.wav", wav(8000, 1, Duration.ofSeconds(1))).statusCode())
                    .isEqualTo(404);
            assertThat(api.send("DELETE", CLASSES + "/jazz/files/none.wav", token, null).statusCode()).isEqualTo(404);

            api.send("PUT", "/api/extensions/1001/call-settings", token, "{}");
            assertThat(api.send("DELETE", CLASSES + "/jazz", token, null).statusCode()).isEqualTo(204);
        }
    }

    @BothEngines
    void everyRouteIsDocumentedAndNeedsALogin(TestDatabase db) throws IOException {
        try (ApiFixture api = serve(db)) {
            assertThat(api.send("GET", CLASSES, null, null).statusCode()).isEqualTo(401);
            assertThat(api.server.openApi().operations()).contains(
                    new RouteKey("GET", "/api/moh/classes"), new RouteKey("POST", "/api/moh/classes"),
                    new RouteKey("GET", "/api/moh/classes/{name}"), new RouteKey("PUT", "/api/moh/classes/{name}"),
                    new RouteKey("DELETE", "/api/moh/classes/{name}"), new RouteKey("GET", "/api/moh/classes/{name}/files"),
                    new RouteKey("PUT", "/api/moh/classes/{name}/files/{file}"),
                    new RouteKey("DELETE", "/api/moh/classes/{name}/files/{file}"));
        }
    }
}
