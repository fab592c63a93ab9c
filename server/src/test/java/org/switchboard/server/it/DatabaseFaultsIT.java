package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.switchboard.api.http.ErrorMapper;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseFaults;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.testkit.TcpProxy;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A node through database faults, driven from outside (issue 12, item 7): a full disk (a
 * size-limited SQLite file, which fails writes with {@code SQLITE_FULL} as a full disk does) and a
 * PostgreSQL outage (a {@link TcpProxy} cut between the node's pool and the shared server, which
 * keeps running for everyone else). The node started in-process; SIPp registers a phone.
 */
class DatabaseFaultsIT {
    private static final String PASSWORD = "digest-secret-42";
    private static final String NEW_EXTENSION = "{\"number\":\"%s\",\"name\":\"%s\",\"password\":\"" + PASSWORD + "\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFullDiskAnswers507OnWritesLogsOnceReportsDegradedAndRecoversBySelf() throws Exception {
        Path file = dir.resolve("limited/switchboard.db");
        // The node's connections may grow the file only a little past what migrations and seeds leave;
        // the test fills it up through a connection without the limit.
        Server server = Server.start(config(Map.of("SWITCHBOARD_DATABASE_URL", "jdbc:sqlite:" + file + "?max_page_count=400")),
                Clock.systemUTC(), "test");
        ListAppender<ILoggingEvent> faultLog = capture(DatabaseFaults.class);
        ListAppender<ILoggingEvent> httpLog = capture(ErrorMapper.class);
        try (Database filler = Database.open(DatabaseSettings.sqlite(file))) {
            ApiClient api = new ApiClient(server.httpPort());
            api.login("root", "root-password");
            filler.execute(h -> h.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)"));
            while (filler.read(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one()) < 400) {
                filler.execute(h -> h.execute("INSERT INTO filler (payload) VALUES (?)", "x".repeat(3000)));
            }

            // Rows go in while they fit in pages that have room; the first refusal means the disk is full.
            int first = 0;
            HttpResponse<String> refused = api.post("/api/extensions", big(first));
            while (refused.statusCode() == 201 && first < 300) {
                refused = api.post("/api/extensions", big(++first));
            }
            for (int i = first + 1; i <= first + 10; i++) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
                assertThat(refused.body()).contains("\"code\":\"storage_full\"", "disk holding the database is full",
                        "nothing was changed");
                refused = api.post("/api/extensions", big(i));
            }
            assertThat(api.get("/api/extensions/" + (3000 + first)).statusCode()).as("nothing was created").isEqualTo(404);
            assertThat(api.get("/api/extensions").statusCode()).as("reads work on a full disk").isEqualTo(200);
            HttpResponse<String> health = api.get("/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"degraded\"", "the disk holding the database is full");
            assertThat(messages(faultLog, Level.WARN)).as("one line for the cause, not one per request").hasSize(1);
            assertThat(httpLog.list).as("no stack trace per request").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));

            // Space returns.
            filler.execute(h -> h.execute("DROP TABLE filler"));

            HttpResponse<String> created = api.post("/api/extensions", big(first));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            // Health is ok again with the first write that succeeds a few seconds after the last refusal.
            int[] next = {first + 100};
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                api.post("/api/extensions", big(next[0]++));
                return api.get("/api/health").body().contains("\"status\":\"ok\"");
            });
            assertThat(messages(faultLog, Level.INFO)).singleElement().asString().contains("database fault ended cause=disk_full");
        } finally {
            detach(faultLog, DatabaseFaults.class);
            detach(httpLog, ErrorMapper.class);
            server.stop();
        }
    }

    @Test
    void duringAPostgresqlOutageTokensAndLiveStateKeepWorkingWritesFailFastAndANewPhoneRegisters() throws Exception {
        try (TestDatabase database = TestDatabases.postgresql(); TcpProxy proxy = TcpProxy.forPostgresql(database.jdbcUrl())) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "SWITCHBOARD_DATABASE_URL", proxy.rewrite(database.jdbcUrl()),
                    "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                    "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password()));
            Server server = Server.start(config(env), Clock.systemUTC(), "test");
            try {
                ApiClient api = new ApiClient(server.httpPort());
                api.login("root", "root-password");

                proxy.cut();

                await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/health").body().contains("the database is unreachable"));
                HttpResponse<String> health = get(server.httpPort(), "/api/health", Duration.ofSeconds(2));
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"degraded\"");
                assertThat(api.get("/api/registrations").statusCode()).as("live state with a token issued before").isEqualTo(200);
                assertThat(api.get("/api/calls").statusCode()).isEqualTo(200);

                // At once: well under the pool's 5 s wait for a connection.
                HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/extensions"))
                                .timeout(Duration.ofSeconds(3)).header("Authorization", "Bearer " + api.token())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(NEW_EXTENSION.formatted("1002", "Late"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
                assertThat(write.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(write.body()).contains("nothing was changed");

                // A phone that never registered before is answered from memory.
                Sipp.scenario("register.xml").target(server.sipPort()).localPort(FreePorts.udpAndTcp()).credentials("1001", PASSWORD)
                        .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                        .run().assertAllCallsSucceeded("REGISTER 1001 during the outage");
                assertThat(api.get("/api/registrations").body()).contains("1001");

                proxy.restore();

                await().atMost(Duration.ofSeconds(30)).until(() -> registrationsInTable(database) == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/health").body().contains("\"status\":\"ok\""));
            } finally {
                server.stop();
            }
        }
    }

    /** An extension numbered 3000 + i with a long name, so each one takes room. */
    private static String big(int i) {
        return NEW_EXTENSION.formatted(Integer.toString(3000 + i), "Desk " + "n".repeat(90));
    }

    private static long registrationsInTable(TestDatabase database) {
        return database.database().read(h -> h.createQuery("SELECT COUNT(*) FROM registrations WHERE extension_number = '1001'")
                .mapTo(Long.class).one());
    }

    private HttpResponse<String> get(int port, String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SwitchboardConfig config(Map<String, String> database) throws IOException {
        Path file = Files.writeString(dir.resolve("switchboard.yml"), """
                data_dir: %s
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Desk, password: %s}
                """.formatted(dir.resolve("data"), PASSWORD));
        return new ConfigLoader(database).load(file, true);
    }

    private static java.util.List<String> messages(ListAppender<ILoggingEvent> log, Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    private static void detach(ListAppender<ILoggingEvent> appender, Class<?> type) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }
}
