package org.switchboard.api.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** {@code GET /api/events} over real HTTP: what a client reads, and when its stream ends. */
class EventStreamRoutesTest {
    /** Short, so that a revoked token and a departed client are noticed while the test waits. */
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestDatabase db = TestDatabases.sqlite();
    private final EventBus events = new EventBus();
    private final TestClock streamClock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final EventStreamRoutes routes = new EventStreamRoutes(events, new AdminAuthService(
            new JdbiAdminUserStore(db.database()), new JdbiAdminTokenStore(db.database()), new Argon2PasswordHasher(256, 1, 1),
            AuthPolicy.defaults(), streamClock), streamClock, HEARTBEAT);
    private final ApiFixture api = new ApiFixture(db, events, routes);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        try {
            api.close();
        } finally {
            client.close();
            events.close();
            db.close();
        }
    }

    @Test
    void anExtensionCreatedThroughTheApiArrivesAsConfigChangedJson() throws Exception {
        String token = api.login();
        Lines lines = open(token);
        lines.awaitLine(": connected");

        api.send("POST", "/api/extensions", token,
                "{\"number\":\"1001\",\"name\":\"Alice\",\"password\":\"alice-secret-1\"}");

        lines.awaitLine("event: config_changed");
        String data = lines.awaitLineStartingWith("data: ");
        assertThat(data).contains("\"type\":\"config_changed\"", "\"entity\":\"extension\"", "\"key\":\"1001\"",
                "\"change\":\"CREATED\"");
    }

    @Test
    void everyEventKindIsNamedOnTheWire() throws Exception {
        Lines lines = open(api.login());
        lines.awaitLine(": connected");

        events.publish(new PbxEvent.RegistrationChanged(Instant.parse("2026-05-01T10:00:00Z"), "1002", 1));
        events.publish(new PbxEvent.CallEnded(Instant.parse("2026-05-01T10:00:01Z"), "abc@host", "BUSY", "486 Busy Here"));

        lines.awaitLine("event: registration_changed");
        assertThat(lines.awaitLineStartingWith("data: ")).contains("\"extension\":\"1002\"", "\"bindings\":1",
                "\"at\":\"2026-05-01T10:00:00Z\"");
        lines.awaitLine("event: call_ended");
        assertThat(lines.awaitLineStartingWith("data: ")).contains("\"call_id\":\"abc@host\"", "\"disposition\":\"BUSY\"");
    }

    @Test
    void aStreamWithoutATokenIsRefusedWith401() {
        HttpResponse<String> r = api.send("GET", "/api/events", null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(r).get("error").get("code").asText()).isEqualTo("unauthorized");
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void loggingOutEndsTheStreamWithSessionEnded() throws Exception {
        String token = api.login();
        Lines lines = open(token);
        lines.awaitLine(": connected");

        assertThat(api.send("POST", "/api/auth/logout", token, null).statusCode()).isEqualTo(204);

        lines.awaitLine("event: session_ended");
        lines.awaitEnd();
        await("the stream's subscription is closed").atMost(WAIT).until(() -> events.subscriberCount() == 0);
    }

    @Test
    void loggingOutEndsTheStreamAtOnceNotAtTheNextHeartbeat() throws Exception {
        // A heartbeat far longer than the wait: only the logout itself can end the stream in time.
        AdminAuthService auth = ApiFixture.adminAuth(db, Clock.systemUTC());
        EventStreamRoutes slow = new EventStreamRoutes(events, auth, Clock.systemUTC(), Duration.ofHours(1));
        try (ApiFixture slowApi = new ApiFixture(db, events, auth, slow)) {
            String token = slowApi.login();
            Lines lines = open(slowApi, token);
            lines.awaitLine(": connected");

            assertThat(slowApi.send("POST", "/api/auth/logout", token, null).statusCode()).isEqualTo(204);

            lines.awaitLine("event: session_ended");
            lines.awaitEnd();
            await("the stream is closed").atMost(WAIT).until(() -> slow.openStreams() == 0);
        }
    }

    @Test
    void resettingThePasswordEndsTheAdminsStreams() throws Exception {
        AdminAuthService auth = ApiFixture.adminAuth(db, Clock.systemUTC());
        EventStreamRoutes slow = new EventStreamRoutes(events, auth, Clock.systemUTC(), Duration.ofHours(1));
        try (ApiFixture slowApi = new ApiFixture(db, events, auth, slow)) {
            Lines lines = open(slowApi, slowApi.login());
            lines.awaitLine(": connected");

            slowApi.auth.resetPassword(ApiFixture.ADMIN, "a-new-password-2", "test");

            lines.awaitLine("event: session_ended");
            lines.awaitEnd();
        }
    }

    @Test
    void anExpiringTokenEndsItsStreamAtItsExpiryNotAtTheNextHeartbeat() throws Exception {
        // Real time here: the token lives two seconds, the heartbeat an hour.
        AdminAuthService auth = new AdminAuthService(new JdbiAdminUserStore(db.database()),
                new JdbiAdminTokenStore(db.database()), new Argon2PasswordHasher(256, 1, 1),
                AuthPolicy.defaults().withTokenLifetime(Duration.ofSeconds(2)), Clock.systemUTC());
        EventStreamRoutes slow = new EventStreamRoutes(events, auth, Clock.systemUTC(), Duration.ofHours(1));
        try (ApiFixture slowApi = new ApiFixture(db, events, auth, slow)) {
            Lines lines = open(slowApi, slowApi.login());
            lines.awaitLine(": connected");

            lines.awaitLine("event: session_ended");
            lines.awaitEnd();
        }
    }

    @Test
    void aClientThatLeavesIsUnsubscribed() throws Exception {
        Lines lines = open(api.login());
        lines.awaitLine(": connected");
        assertThat(events.subscriberCount()).isEqualTo(1);

        lines.close();

        await("the departed client's subscription is closed").atMost(WAIT).until(() -> events.subscriberCount() == 0);
        await().atMost(WAIT).until(() -> routes.openStreams() == 0);
    }

    private Lines open(String token) throws IOException, InterruptedException {
        return open(api, token);
    }

    private Lines open(ApiFixture server, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + "/api/events"))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        return new Lines(response.body());
    }

    /** The stream's lines, read by a virtual thread into a queue the test waits on. */
    private static final class Lines implements AutoCloseable {
        private static final String END = "\u0000end";
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final Stream<String> body;

        Lines(Stream<String> body) {
            this.body = body;
            Thread.ofVirtual().name("sse-test-reader").start(() -> {
                try {
                    body.forEach(queue::add);
                } catch (UncheckedIOException e) {
                    // closed by the test
                } finally {
                    queue.add(END);
                }
            });
        }

        void awaitLine(String expected) throws InterruptedException {
            awaitLineStartingWith(expected);
        }

        String awaitLineStartingWith(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (;;) {
                String line = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(line).as("a line starting with '%s' before the stream ended or the wait ran out", prefix)
                        .isNotNull().isNotEqualTo(END);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        void awaitEnd() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (;;) {
                String line = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(line).as("the end of the stream").isNotNull();
                if (line.equals(END)) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
