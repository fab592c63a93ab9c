package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** The whole wiring started in-process on each engine: seeds copy the config once, then the database rules. */
class ServerTest {
    @TempDir
    Path dir;

    @BothEngines
    void seedsTheConfigOnceAndServesIt(TestDatabase database) throws Exception {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password}
                """);
        Map<String, String> env = Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password());
        SwitchboardConfig config = new ConfigLoader(env).load(file, true);

        Server first = Server.start(config, Clock.systemUTC(), "test");
        try {
            assertThat(first.generatedAdminPassword()).as("the configured password is used").isEmpty();
            assertThat(get(first.httpPort(), "/api/health").body()).contains("\"status\":\"ok\"");
            assertThat(extensionStatus(first.httpPort(), "1001")).isEqualTo(200);
            assertThat(get(first.httpPort(), "/metrics").body()).as("pool metrics are scraped")
                    .contains("hikaricp_connections{pool=\"sb-db\"}", "hikaricp_connections_active{pool=\"sb-db\"}");
        } finally {
            first.stop();
        }

        // The file changes after the first run: the database is the source of truth now.
        Files.writeString(file, Files.readString(file) + "  - {number: \"1002\", name: Bob, password: bob-password}\n");
        Server second = Server.start(new ConfigLoader(env).load(file, true), Clock.systemUTC(), "test");
        try {
            assertThat(extensionStatus(second.httpPort(), "1001")).isEqualTo(200);
            assertThat(extensionStatus(second.httpPort(), "1002")).isEqualTo(404);
        } finally {
            second.stop();
        }
        assertThat(new SeedRunner(database.database(), Clock.systemUTC()).find("extensions").orElseThrow().outcome())
                .isEqualTo(SeedOutcome.SEEDED);
    }

    private static int extensionStatus(int port, String number) throws IOException, InterruptedException {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"root\",\"password\":\"root-password\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = login.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/extensions/" + number))
                .header("Authorization", "Bearer " + token).GET()).statusCode();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
