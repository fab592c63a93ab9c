package org.switchboard.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;

class AuthRoutesTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.withSqlite();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> login(String password) {
        return api.send("POST", "/api/auth/login", null,
                "{\"username\":\"" + ApiFixture.ADMIN + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void loginReturnsATokenThatOpensProtectedRoutes() {
        HttpResponse<String> r = login(ApiFixture.ADMIN_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        String token = json(r).get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(json(r).get("expires_at").asText())).isEqualTo(api.clock.instant().plus(Duration.ofHours(12)));
        assertThat(api.send("GET", "/api/extensions", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIs401() {
        HttpResponse<String> r = login("wrong-password");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(r.body()).doesNotContain("wrong-password");
    }

    @Test
    void missingPasswordIs400NamingIt() {
        HttpResponse<String> r = api.send("POST", "/api/auth/login", null, "{\"username\":\"admin\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).isEqualTo("password");
    }

    @Test
    void fiveFailuresThen429WithRetryAfterEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("wrong-password").statusCode()).as("failure %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> r = login(ApiFixture.ADMIN_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("throttled");
        assertThat(r.headers().firstValue("Retry-After")).contains("300");
        api.clock.advance(Duration.ofMinutes(5));
        assertThat(login(ApiFixture.ADMIN_PASSWORD).statusCode()).as("after the window").isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotLockTheAdminOutFromAnother() throws Exception {
        // Loopback is a whole /8 on Linux: 127.0.0.2 is another client address on the same host.
        try (HttpClient attacker = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(loginFrom(attacker, "wrong-password").statusCode()).as("guess %d from 127.0.0.2", i + 1).isEqualTo(401);
            }
            assertThat(loginFrom(attacker, ApiFixture.ADMIN_PASSWORD).statusCode())
                    .as("the guessing address is blocked even with the right password").isEqualTo(429);
        }
        HttpResponse<String> admin = login(ApiFixture.ADMIN_PASSWORD);
        assertThat(admin.statusCode()).as("the right password from 127.0.0.1, which has not failed: %s", admin.body())
                .isEqualTo(200);
    }

    private HttpResponse<String> loginFrom(HttpClient client, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + ApiFixture.ADMIN + "\",\"password\":\"" + password + "\"}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLineBreakInTheUsernameIs400AndForgesNoLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            HttpResponse<String> r = api.send("POST", "/api/auth/login", null,
                    "{\"username\":\"admin\\nINFO admin logged in username=root\",\"password\":\"x\"}");
            assertThat(r.statusCode()).as("POST /api/auth/login: %s", r.body()).isEqualTo(400);
            assertThat(json(r).at("/error/field").asText()).isEqualTo("username");
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneSatisfy(m -> assertThat(m).contains("username=root"));
        } finally {
            root.detachAppender(appender);
        }
    }

    @Test
    void logoutRevokesTheToken() {
        String token = api.login();
        assertThat(api.send("POST", "/api/auth/logout", token, null).statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/extensions", token, null).statusCode()).isEqualTo(401);
        assertThat(api.send("POST", "/api/auth/logout", token, null).statusCode()).as("logout needs a valid token").isEqualTo(401);
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        String token = api.login();
        api.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(api.send("GET", "/api/extensions", token, null).statusCode()).isEqualTo(200);
        api.clock.advance(Duration.ofSeconds(1));
        assertThat(api.send("GET", "/api/extensions", token, null).statusCode()).isEqualTo(401);
    }
}
