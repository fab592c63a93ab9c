package org.switchboard.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import java.net.http.HttpResponse;
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
