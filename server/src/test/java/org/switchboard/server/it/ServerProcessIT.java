package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.store.db.Engine;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The shaded jar started as a real process, on SQLite and on a fresh PostgreSQL database: a write
 * acknowledged by the API survives SIGKILL; SIGTERM stops the server cleanly with exit code 0.
 * (One scenario per engine: each start of a JVM costs seconds on a busy machine.)
 */
class ServerProcessIT {
    private static final Pattern GENERATED = Pattern.compile("username=admin password=(\\S+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAcknowledgedWriteSurvivesSigkillAndSigtermExitsWithZero(Engine engine) throws Exception {
        try (TestDatabase database = TestDatabases.open(engine)) {
            Path config = writeConfig();
            Map<String, String> env = ServerProcess.databaseEnvironment(database);

            ServerProcess first = ServerProcess.start(dir, config, env, "first");
            String password;
            try {
                // The password is printed after the start line the process was awaited by.
                await("first start prints the generated admin password").atMost(Duration.ofSeconds(10))
                        .until(() -> GENERATED.matcher(first.stdout()).find());
                Matcher generated = GENERATED.matcher(first.stdout());
                assertThat(generated.find()).as("first start prints the generated admin password:\n" + first.stdout()).isTrue();
                password = generated.group(1);
                ApiClient api = new ApiClient(first.httpPort());
                api.login("admin", password);

                HttpResponse<String> created = api.post("/api/extensions",
                        "{\"number\":\"1001\",\"name\":\"Alice\",\"password\":\"alice-password\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                first.kill();
            } finally {
                first.ensureStopped();
            }

            ServerProcess second = ServerProcess.start(dir, config, env, "second");
            try {
                assertThat(second.stdout()).as("the password is shown once only").doesNotContain("password=");
                ApiClient api = new ApiClient(second.httpPort());
                api.login("admin", password);
                HttpResponse<String> found = api.get("/api/extensions/1001");
                assertThat(found.statusCode()).isEqualTo(200);
                assertThat(found.body()).contains("\"name\":\"Alice\"").doesNotContain("alice-password");
                assertThat(second.stderr()).contains("config section 'extensions' ignored", "database=" + engine.name().toLowerCase(Locale.ROOT));

                assertThat(second.terminate()).isZero();
                assertThat(second.stderr()).contains("http api stopped", "switchboard stopped").doesNotContain("Exception");
            } finally {
                second.ensureStopped();
            }
        }
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("switchboard.yml");
        Files.writeString(config, """
                sip:
                  bind: 127.0.0.1
                  port: 0
                  tls_port: 0
                  tls_dir: "%s"
                http:
                  bind: 127.0.0.1
                  port: 0
                provisioning:
                  key_file: "%s"
                """.formatted(dir.resolve("tls"), dir.resolve("provisioning.key")));
        return config;
    }
}
