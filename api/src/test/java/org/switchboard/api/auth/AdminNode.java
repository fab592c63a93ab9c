package org.switchboard.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.AdminAccounts;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.admin.Base32;
import org.switchboard.pbx.admin.LoginHistory;
import org.switchboard.pbx.admin.SecretSealer;
import org.switchboard.pbx.admin.Totp;
import org.switchboard.pbx.admin.TotpService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.admin.JdbiLoginAuditStore;
import org.switchboard.store.admin.JdbiMfaStore;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A real API server with the admin module wired as the server does it (accounts, TOTP with a
 * sealed secret, the login audit) over a fresh SQLite database. One test thread at a time.
 */
public final class AdminNode implements AutoCloseable {
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(256, 1, 1);

    public final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:10Z"));
    public final TestDatabase db = TestDatabases.sqlite();
    public final ApiFixture api;

    public AdminNode() {
        var users = new JdbiAdminUserStore(db.database());
        DeviceSecretCipher cipher = new DeviceSecretCipher(DeviceSecretCipher.newKey());
        TotpService totp = new TotpService(users, new JdbiMfaStore(db.database()), new SecretSealer() {
            @Override
            public String seal(String owner, String secret) {
                return cipher.seal(owner, secret);
            }

            @Override
            public String open(String owner, String sealed) {
                return cipher.open(owner, sealed);
            }
        }, clock);
        JdbiLoginAuditStore audit = new JdbiLoginAuditStore(db.database());
        AdminAuthService auth = new AdminAuthService(users, new JdbiAdminTokenStore(db.database()), totp, audit, HASHER,
                AuthPolicy.defaults(), clock);
        api = new ApiFixture(db, new EventBus(), auth,
                new AdminUserRoutes(new AdminAccounts(users, auth, HASHER, clock), totp, new LoginHistory(audit, clock)),
                new MfaRoutes(totp), new ApiTokenRoutes(auth));
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
        return api.send(method, path, token, body);
    }

    public HttpResponse<String> login(String username, String password, String totp) {
        String code = totp == null ? "" : ",\"totp\":\"" + totp + "\"";
        return send("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"" + code + "}");
    }

    public String token(String username, String password) {
        HttpResponse<String> r = login(username, password, null);
        assertThat(r.statusCode()).as("login %s: %s", username, r.body()).isEqualTo(200);
        return ApiFixture.json(r).get("token").asText();
    }

    /** Creates an account as the initial admin and returns a token of it. */
    public String account(String adminToken, String username, String role) {
        HttpResponse<String> r = send("POST", "/api/admin/users", adminToken,
                "{\"username\":\"" + username + "\",\"password\":\"" + username + "-password\",\"role\":\"" + role + "\"}");
        assertThat(r.statusCode()).as("create %s: %s", username, r.body()).isEqualTo(201);
        return token(username, username + "-password");
    }

    /** The code an authenticator app shows now for {@code secret}, {@code offsetSteps} steps away. */
    public String code(String secret, int offsetSteps) {
        return Totp.code(Base32.decode(secret, "secret"), Totp.step(clock.instant()) + offsetSteps);
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            db.close();
        }
    }
}
