package org.switchboard.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;

/** Admin accounts, roles, TOTP and the login audit over real HTTP. */
class AdminUserRoutesTest {
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

    private static void assertForbidden(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as("%s: %s", what, r.body()).isEqualTo(403);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("forbidden");
    }

    @Test
    void aReadOnlyAccountMayReadButChangeNothing() {
        String viewer = node.account(admin, "viewer", "read_only");

        assertThat(node.send("GET", "/api/extensions", viewer, null).statusCode()).isEqualTo(200);
        assertForbidden(node.send("POST", "/api/extensions", viewer, "{\"number\":\"1001\",\"name\":\"Front desk\",\"password\":\"secret-1001\"}"),
                "create an extension");
        assertForbidden(node.send("GET", "/api/admin/users", viewer, null), "list accounts");
        assertForbidden(node.send("GET", "/api/admin/logins", viewer, null), "read the login audit");
        assertThat(node.send("GET", "/api/extensions/1001", admin, null).statusCode()).as("nothing was created").isEqualTo(404);
        assertThat(node.send("POST", "/api/auth/logout", viewer, null).statusCode()).as("but it may log out").isEqualTo(204);
    }

    @Test
    void everyRegisteredNonGetRouteRefusesAReadOnlyAccountButItsOwnSession() {
        String viewer = node.account(admin, "viewer", "read_only");
        List<RouteKey> refused = new ArrayList<>();
        for (RouteKey route : node.api.server.registeredRoutes()) {
            if (route.method().equals("GET") || route.path().equals("/api/auth/login") || route.path().startsWith("/api/auth/")) {
                continue;
            }
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> r = node.send(route.method(), path, viewer, "{}");
            assertForbidden(r, route.toString());
            refused.add(route);
        }
        assertThat(refused).as("the walk covered the routes that change things")
                .contains(new RouteKey("POST", "/api/extensions"), new RouteKey("DELETE", "/api/admin/users/{username}"));
    }

    @Test
    void everyAdminRouteIsDocumented() {
        assertThat(node.api.server.openApi().operations()).containsAll(node.api.server.registeredRoutes());
    }

    @Test
    void anOperatorManagesExtensionsButNotAccountsOrSecuritySettings() {
        String operator = node.account(admin, "ops", "operator");

        HttpResponse<String> created = node.send("POST", "/api/extensions", operator,
                "{\"number\":\"1001\",\"name\":\"Front desk\",\"password\":\"secret-1001\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertForbidden(node.send("POST", "/api/admin/users", operator,
                "{\"username\":\"eve\",\"password\":\"eve-password\",\"role\":\"administrator\"}"), "create an account");
        assertForbidden(node.send("PUT", "/api/admin/users/ops", operator, "{\"role\":\"administrator\"}"), "promote itself");
        assertForbidden(node.send("DELETE", "/api/sip-bans/10.0.0.1", operator, null), "lift a SIP ban");
        assertForbidden(node.send("PUT", "/api/sip/digest-rules", operator, "[]"), "change digest rules");
        assertForbidden(node.send("POST", "/api/trunks", operator, "{}"), "add a trunk");
        assertForbidden(node.send("POST", "/api/outbound-routes", operator, "{}"), "add an outbound route");
        assertForbidden(node.send("PUT", "/api/lcr-rates/1", operator, "{}"), "change a rate");
        assertForbidden(node.send("POST", "/api/inbound-routes", operator, "{}"), "add an inbound route");
        assertForbidden(node.send("PUT", "/api/emergency", operator, "{}"), "change emergency calling");
        assertForbidden(node.send("PUT", "/api/extensions/1001/location", operator, "{}"), "move an extension's location");
        assertForbidden(node.send("GET", "/api/provisioning/access", operator, null), "read the provisioning URL");
        for (String disguised : new String[] {"/api/%61dmin/users", "/api/admin/users/", "/api//admin/users", "/api/./admin/users"}) {
            assertThat(node.send("GET", disguised, operator, null).statusCode()).as("GET %s", disguised).isNotEqualTo(200);
        }
    }

    @Test
    void accountsAreListedChangedAndDeletedButTheLastAdministratorStays() {
        node.account(admin, "viewer", "read_only");
        JsonNode list = json(node.send("GET", "/api/admin/users", admin, null));
        assertThat(list.findValuesAsText("username")).containsExactly("admin", "viewer");
        assertThat(list.toString()).doesNotContain("argon2", "password");

        HttpResponse<String> demoteLast = node.send("PUT", "/api/admin/users/admin", admin, "{\"role\":\"operator\"}");
        assertThat(demoteLast.statusCode()).as(demoteLast.body()).isEqualTo(409);
        assertThat(json(demoteLast).at("/error/field").asText()).isEqualTo("role");
        assertThat(node.send("DELETE", "/api/admin/users/admin", admin, null).statusCode()).isEqualTo(409);

        HttpResponse<String> promoted = node.send("PUT", "/api/admin/users/viewer", admin, "{\"role\":\"administrator\"}");
        assertThat(json(promoted).get("role").asText()).isEqualTo("administrator");
        assertThat(node.send("DELETE", "/api/admin/users/admin", admin, null).statusCode()).as("no longer the last").isEqualTo(204);
        assertThat(node.send("GET", "/api/extensions", admin, null).statusCode()).as("its session ended").isEqualTo(401);
        assertThat(node.send("GET", "/api/admin/users/nobody", node.token("viewer", "viewer-password"), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badAccountsAre400NamingTheFieldAndDuplicatesAre409() {
        assertField(node.send("POST", "/api/admin/users", admin, "{\"username\":\"x\",\"password\":\"long-enough\",\"role\":\"root\"}"),
                400, "role");
        assertField(node.send("POST", "/api/admin/users", admin, "{\"username\":\"x\",\"password\":\"short\",\"role\":\"operator\"}"),
                400, "password");
        assertField(node.send("POST", "/api/admin/users", admin, "{\"username\":\"a b\",\"password\":\"long-enough\",\"role\":\"operator\"}"),
                400, "username");
        assertField(node.send("POST", "/api/admin/users", admin, "{\"username\":\"x\",\"password\":\"long-enough\"}"), 400, "role");
        assertField(node.send("POST", "/api/admin/users", admin, "{\"username\":\"admin\",\"password\":\"long-enough\",\"role\":\"operator\"}"),
                409, "username");
        assertField(node.send("PUT", "/api/admin/users/admin", admin, "{\"username\":\"other\"}"), 400, "username");
    }

    private static void assertField(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).at("/error/field").asText()).isEqualTo(field);
    }

    @Test
    void aNewPasswordEndsTheAccountsSessions() {
        String viewer = node.account(admin, "viewer", "read_only");
        assertThat(node.send("PUT", "/api/admin/users/viewer", admin, "{\"password\":\"another-password\"}").statusCode())
                .isEqualTo(200);

        assertThat(node.send("GET", "/api/extensions", viewer, null).statusCode()).isEqualTo(401);
        node.token("viewer", "another-password");
    }

    @Test
    void totpEnrolConfirmThenLoginNeedsACodeUsedOnceAndARecoveryCodeOnce() {
        JsonNode enrolment = json(node.send("POST", "/api/auth/mfa/totp", admin, null));
        String secret = enrolment.get("secret").asText();
        assertThat(enrolment.get("otpauth_uri").asText())
                .isEqualTo("otpauth://totp/Switchboard:admin?secret=" + secret + "&issuer=Switchboard");
        assertField(node.send("POST", "/api/auth/mfa/totp/confirm", admin, "{\"code\":\"12345x\"}"), 400, "code");

        HttpResponse<String> confirmed = node.send("POST", "/api/auth/mfa/totp/confirm", admin,
                "{\"code\":\"" + node.code(secret, 0) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode codes = json(confirmed).get("recovery_codes");
        assertThat(codes).hasSize(10);
        assertThat(json(node.send("GET", "/api/auth/mfa", admin, null)).get("totp_enabled").asBoolean()).isTrue();

        HttpResponse<String> noCode = node.login(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD, null);
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(json(noCode).at("/error/code").asText()).isEqualTo("mfa_required");
        assertThat(noCode.body()).doesNotContain("\"token\"");

        node.clock.advance(Duration.ofSeconds(30));
        String code = node.code(secret, 0);
        assertThat(node.login(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD, code).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = node.login(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD, code);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).at("/error/code").asText()).isEqualTo("invalid_mfa");
        assertThat(node.login(ApiFixture.ADMIN, "wrong-password", node.code(secret, 1)).statusCode())
                .as("a right code does not make up for a wrong password").isEqualTo(401);

        String recoveryCode = codes.get(0).asText();
        assertThat(node.login(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD, recoveryCode).statusCode()).isEqualTo(200);
        assertThat(node.login(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD, recoveryCode).statusCode()).as("used once")
                .isEqualTo(401);
    }

    @Test
    void anAdministratorResetsALostSecondFactor() {
        String viewer = node.account(admin, "viewer", "read_only");
        String secret = json(node.send("POST", "/api/auth/mfa/totp", viewer, null)).get("secret").asText();
        assertThat(node.send("POST", "/api/auth/mfa/totp/confirm", viewer, "{\"code\":\"" + node.code(secret, 0) + "\"}")
                .statusCode()).as("a read-only account manages its own second factor").isEqualTo(200);
        assertThat(json(node.send("GET", "/api/admin/users/viewer", admin, null)).get("totp_enabled").asBoolean()).isTrue();
        assertThat(node.login("viewer", "viewer-password", null).statusCode()).isEqualTo(401);

        assertThat(node.send("DELETE", "/api/admin/users/viewer/mfa", admin, null).statusCode()).isEqualTo(204);

        node.token("viewer", "viewer-password");
    }

    @Test
    void everyLoginAttemptIsAuditedWithItsResult() {
        node.account(admin, "viewer", "read_only");
        node.login("viewer", "wrong-password", null);
        for (int i = 0; i < 5; i++) {
            node.login("mallory", "guess-" + i, null);
        }
        assertThat(node.login("mallory", "guess-6", null).statusCode()).isEqualTo(429);

        JsonNode all = json(node.send("GET", "/api/admin/logins?limit=20", admin, null));
        assertThat(all.get(0).get("username").asText()).isEqualTo("mallory");
        assertThat(all.get(0).get("result").asText()).isEqualTo("throttled");
        assertThat(all.get(0).get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(all.findValuesAsText("result")).contains("success", "invalid_credentials", "throttled");
        JsonNode viewer = json(node.send("GET", "/api/admin/logins?username=viewer", admin, null));
        assertThat(viewer.findValuesAsText("result")).containsExactly("invalid_credentials", "success");
        assertField(node.send("GET", "/api/admin/logins?limit=0", admin, null), 400, "limit");
    }
}
