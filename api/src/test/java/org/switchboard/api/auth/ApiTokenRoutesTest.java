package org.switchboard.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;

/** API tokens for scripts over real HTTP: scope, expiry, revocation, and what a token may not do. */
class ApiTokenRoutesTest {
    private AdminNode node;
    private String admin;

    @BeforeEach
    void start() {
        node = new AdminNode();
        admin = node.token(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<String> issue(String token, String body) {
        return node.send("POST", "/api/auth/tokens", token, body);
    }

    @Test
    void aReadOnlyScopedTokenOfAnAdministratorMayOnlyReadAndExpires() {
        HttpResponse<String> r = issue(admin, "{\"name\":\"backup script\",\"scope\":\"read_only\",\"expires_in_days\":30}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode issued = json(r);
        String script = issued.get("token").asText();
        assertThat(Instant.parse(issued.get("expires_at").asText())).isEqualTo(node.clock.instant().plus(Duration.ofDays(30)));

        assertThat(node.send("GET", "/api/extensions", script, null).statusCode()).isEqualTo(200);
        assertThat(node.send("POST", "/api/extensions", script, "{\"number\":\"1001\",\"name\":\"A\",\"password\":\"secret-1001\"}")
                .statusCode()).isEqualTo(403);
        assertThat(node.send("GET", "/api/admin/users", script, null).statusCode()).isEqualTo(403);
        assertThat(issue(script, "{\"name\":\"more\",\"scope\":\"administrator\",\"expires_in_days\":1}").statusCode())
                .as("a token cannot mint tokens").isEqualTo(403);
        assertThat(node.send("POST", "/api/auth/mfa/totp", script, null).statusCode())
                .as("nor take over the second factor").isEqualTo(403);

        JsonNode listed = json(node.send("GET", "/api/auth/tokens", admin, null));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("backup script");
        assertThat(listed.toString()).doesNotContain(script);

        node.clock.advance(Duration.ofDays(30));
        String fresh = node.token(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD);
        assertThat(node.send("GET", "/api/extensions", script, null).statusCode()).as("expired").isEqualTo(401);
        assertThat(json(node.send("GET", "/api/auth/tokens", fresh, null))).isEmpty();
    }

    @Test
    void aScopeAboveTheCallersRoleIs400AndAnOperatorTokenIsNeverMoreThanItsAccount() {
        String ops = node.account(admin, "ops", "operator");
        HttpResponse<String> tooMuch = issue(ops, "{\"name\":\"x\",\"scope\":\"administrator\",\"expires_in_days\":1}");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(json(tooMuch).at("/error/field").asText()).isEqualTo("scope");

        String script = json(issue(ops, "{\"name\":\"pbx sync\",\"scope\":\"operator\",\"expires_in_days\":7}")).get("token").asText();
        assertThat(node.send("PUT", "/api/admin/users/ops", admin, "{\"role\":\"read_only\"}").statusCode()).isEqualTo(200);
        assertThat(node.send("POST", "/api/extensions", script, "{\"number\":\"1001\",\"name\":\"A\",\"password\":\"secret-1001\"}")
                .statusCode()).as("the account was demoted: its token follows").isEqualTo(403);
    }

    @Test
    void aRevokedTokenStopsWorkingAndBadRequestsNameTheirField() {
        JsonNode issued = json(issue(admin, "{\"name\":\"wallboard\",\"scope\":\"operator\",\"expires_in_days\":366}"));
        String script = issued.get("token").asText();
        assertThat(node.send("DELETE", "/api/auth/tokens/" + issued.get("id").asLong(), admin, null).statusCode()).isEqualTo(204);
        assertThat(node.send("GET", "/api/extensions", script, null).statusCode()).isEqualTo(401);
        assertThat(node.send("DELETE", "/api/auth/tokens/" + issued.get("id").asLong(), admin, null).statusCode()).isEqualTo(404);

        assertThat(json(issue(admin, "{\"name\":\"x\",\"scope\":\"operator\",\"expires_in_days\":367}")).at("/error/field").asText())
                .isEqualTo("expires_in_days");
        assertThat(json(issue(admin, "{\"name\":\"x\",\"scope\":\"root\",\"expires_in_days\":1}")).at("/error/field").asText())
                .isEqualTo("scope");
        assertThat(json(issue(admin, "{\"scope\":\"operator\",\"expires_in_days\":1}")).at("/error/field").asText())
                .isEqualTo("name");
    }
}
