package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.admin.AdminTokenStore;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.db.ValidationException;
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
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password}
                """);
        Map<String, String> env = environment(database);
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

    @BothEngines
    void seedsProvisionedDevicesOnceThenTheDatabaseRules(TestDatabase database) throws Exception {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password}
                  - {number: "1002", name: Bob, password: bob-password}
                provisioning:
                  devices:
                    - {mac: "00:15:65:12:34:56", extension: "1001", vendor: yealink, model: T46U, static_ip: 127.0.0.1}
                    - {mac: "00:15:65:00:00:02", extension: "1002", vendor: yealink, model: T31P}
                """);
        Map<String, String> env = environment(database);

        Server first = Server.start(new ConfigLoader(env).load(file, true), Clock.systemUTC(), "test");
        String provisioningPath;
        try {
            String token = login(first.httpPort());
            provisioningPath = provisioningPath(first.httpPort(), token);
            HttpResponse<String> phoneFile = get(first.httpPort(), provisioningPath + "001565123456.cfg");
            assertThat(phoneFile.statusCode()).as("the seeded device's file is served").isEqualTo(200);
            assertThat(phoneFile.body()).contains("1001");
            assertThat(get(first.httpPort(), provisioningPath + "001565000002.cfg").statusCode()).isEqualTo(200);
            assertThat(get(first.httpPort(), "/provision/001565000002.cfg").statusCode()).as("without the URL token")
                    .isEqualTo(404);
            assertThat(api(first.httpPort(), token, "GET", "/api/provisioning/devices/001565123456").body())
                    .as("the static IP was seeded too").contains("127.0.0.1");
            assertThat(api(first.httpPort(), token, "DELETE", "/api/provisioning/devices/001565000002").statusCode())
                    .isEqualTo(204);
        } finally {
            first.stop();
        }

        // The file gains a device after the first run: the database is the source of truth now.
        Files.writeString(file, Files.readString(file)
                + "    - {mac: \"00:15:65:00:00:03\", extension: \"1001\", vendor: snom, model: D715}\n");
        ListAppender<ILoggingEvent> seedLog = capture(SeedRunner.class);
        Server second = Server.start(new ConfigLoader(env).load(file, true), Clock.systemUTC(), "test");
        try {
            assertThat(get(second.httpPort(), provisioningPath + "001565123456.cfg").statusCode())
                    .as("the URL token generated on the first start is kept").isEqualTo(200);
            String token = login(second.httpPort());
            assertThat(api(second.httpPort(), token, "GET", "/api/provisioning/devices/001565000002").statusCode())
                    .as("deleted through the API, it stays deleted").isEqualTo(404);
            assertThat(api(second.httpPort(), token, "GET", "/api/provisioning/devices/001565000003").statusCode())
                    .as("added to the file after the first run, it is ignored").isEqualTo(404);
        } finally {
            second.stop();
            ((Logger) LoggerFactory.getLogger(SeedRunner.class)).detachAppender(seedLog);
        }
        assertThat(seedLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("config section 'provisioning.devices' ignored: the database is the source of truth");
        assertThat(new SeedRunner(database.database(), Clock.systemUTC()).find("provisioning.devices").orElseThrow().outcome())
                .isEqualTo(SeedOutcome.SEEDED);
    }

    @BothEngines
    void aSeededDeviceForAnUnknownExtensionIsReportedUnderItsConfigSection(TestDatabase database) throws Exception {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                provisioning:
                  devices:
                    - {mac: "00:15:65:12:34:56", extension: "1009", vendor: yealink, model: T46U}
                """);
        SwitchboardConfig config = new ConfigLoader(environment(database)).load(file, true);

        assertThatThrownBy(() -> Server.start(config, Clock.systemUTC(), "test"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field())
                        .as("the field names the config section, not a command-line option")
                        .startsWith("provisioning.devices."));
        assertThat(new SeedRunner(database.database(), Clock.systemUTC()).find("provisioning.devices"))
                .as("the failed seed is not recorded, so the next start tries again").isEmpty();
    }

    private Map<String, String> environment(TestDatabase database) {
        // The key file, the TLS folder and feature files (music on hold, voicemail) go under the test's data_dir.
        return Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password());
    }

    /** Collects what {@code type}'s logger writes until the appender is detached. */
    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    private static HttpResponse<String> api(int port, String token, String method, String path)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    @BothEngines
    void tokensLiveAdminTokenTtlAndExpiredOnesArePurgedByHousekeeping(TestDatabase database) throws Exception {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password, token_ttl: 1h}
                """);
        Map<String, String> env = environment(database);
        SwitchboardConfig config = new ConfigLoader(env).load(file, true);
        Instant now = Instant.now();

        String tokenHash;
        Server first = Server.start(config, Clock.fixed(now, ZoneOffset.UTC), "test");
        try {
            tokenHash = DigestAlgorithm.SHA_256.hashHex(login(first.httpPort()));
        } finally {
            first.stop();
        }
        AdminTokenStore tokens = new JdbiAdminTokenStore(database.database());
        assertThat(tokens.findValid(tokenHash, now)).get().satisfies(t ->
                assertThat(Duration.between(t.createdAt(), t.expiresAt())).as("token lifetime").isEqualTo(Duration.ofHours(1)));

        // Two hours later the token has expired: the purge runs when housekeeping starts, so the
        // row is gone (asked at the original time, when it would still be valid).
        Server later = Server.start(config, Clock.fixed(now.plus(Duration.ofHours(2)), ZoneOffset.UTC), "test");
        try {
            await().until(() -> tokens.findValid(tokenHash, now).isEmpty());
        } finally {
            later.stop();
        }
    }

    /** The path of the provisioning URL the API tells the admin to give phones, with its token. */
    private static String provisioningPath(int port, String token) throws IOException, InterruptedException {
        String body = api(port, token, "GET", "/api/provisioning/access").body();
        String url = body.replaceAll(".*\"http_url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(url).as(body).startsWith("http://127.0.0.1:" + port + "/provision/").endsWith("/");
        return url.substring(url.indexOf("/provision/"));
    }

    private static String login(int port) throws IOException, InterruptedException {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"root\",\"password\":\"root-password\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static int extensionStatus(int port, String number) throws IOException, InterruptedException {
        String token = login(port);
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
