package org.switchboard.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;

class HealthRoutesTest {

    @Test
    void healthIsOkWithEngineAndVersionWithoutAToken() {
        try (ApiFixture api = ApiFixture.withSqlite()) {
            HttpResponse<String> r = api.send("GET", "/api/health", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("status").asText()).isEqualTo("ok");
            assertThat(json(r).get("database").asText()).isEqualTo("sqlite");
            assertThat(json(r).get("version").asText()).isEqualTo("1.2.3-test");
            assertThat(json(r).get("uptime_seconds").isIntegralNumber()).as("uptime_seconds in %s", r.body()).isTrue();
        }
    }

    @Test
    void closedDatabaseMakesHealth503AndWrites503() {
        try (ApiFixture api = ApiFixture.withSqlite()) {
            String token = api.login();
            api.db.database().close();

            HttpResponse<String> health = api.send("GET", "/api/health", null, null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(json(health).get("status").asText()).isEqualTo("unavailable");

            HttpResponse<String> create = api.send("POST", "/api/extensions", token,
                    "{\"number\":\"1001\",\"name\":\"A\",\"password\":\"12345678\"}");
            assertThat(create.statusCode()).as("POST while the database is down: %s", create.body()).isEqualTo(503);
            assertThat(json(create).at("/error/code").asText()).isEqualTo("unavailable");
        }
    }
}
