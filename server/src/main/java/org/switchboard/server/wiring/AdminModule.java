package org.switchboard.server.wiring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.auth.AdminUserRoutes;
import org.switchboard.api.auth.ApiTokenRoutes;
import org.switchboard.api.auth.AuthRoutes;
import org.switchboard.api.auth.MfaRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminAccounts;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.admin.LoginHistory;
import org.switchboard.pbx.admin.SecretSealer;
import org.switchboard.pbx.admin.TotpService;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningKeyFile;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.admin.AdminUserStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.admin.JdbiLoginAuditStore;
import org.switchboard.store.admin.JdbiMfaStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.seed.Seed;

/**
 * Administrators: the first admin's seed, login (with TOTP when an account has it) and logout,
 * API tokens for scripts,
 * the accounts and their roles, the login audit, the hourly purge of expired tokens and the daily
 * purge of audit rows older than {@link #AUDIT_RETENTION}.
 */
public record AdminModule(AdminAuthService adminAuth, Seed firstAdmin, AdminAccounts accounts, TotpService totp,
                          LoginHistory logins) implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(AdminModule.class);
    /** How long login attempts stay in the audit. */
    static final Duration AUDIT_RETENTION = Duration.ofDays(90);

    /**
     * The login service of a node: passwords checked against {@code stores}' accounts, TOTP as the
     * second factor (secrets sealed with the node's key file, the one provisioning and trunks use),
     * every attempt audited.
     */
    static AdminAuthService authService(Stores stores, SwitchboardConfig config, Argon2PasswordHasher hasher, Clock clock) {
        return new AdminAuthService(stores.adminUsers(), stores.adminTokens(), totpService(stores.adminUsers(), stores.database(), config, clock),
                new JdbiLoginAuditStore(stores.database()), hasher,
                AuthPolicy.defaults().withTokenLifetime(config.admin().tokenTtl()).withLoginThrottle(
                        config.admin().loginMaxFailures(), config.admin().loginFailureWindow(), config.admin().loginSlowdown()),
                clock);
    }

    /** The module around the node's login service {@code adminAuth}. */
    static AdminModule build(AdminAuthService adminAuth, Seed firstAdmin, Database database, SwitchboardConfig config, Clock clock) {
        AdminUserStore users = new JdbiAdminUserStore(database);
        return new AdminModule(adminAuth, firstAdmin, new AdminAccounts(users, adminAuth, new Argon2PasswordHasher(), clock),
                totpService(users, database, config, clock), new LoginHistory(new JdbiLoginAuditStore(database), clock));
    }

    private static TotpService totpService(AdminUserStore users, Database database, SwitchboardConfig config, Clock clock) {
        return new TotpService(users, new JdbiMfaStore(database), keyFileSealer(config.provisioning().keyFile()), clock);
    }

    /**
     * The node's key file as the admin feature's sealer. Read at the first TOTP enrolment or check,
     * not when the services are built: a command-line tool that never touches a second factor
     * leaves no key file behind.
     */
    private static SecretSealer keyFileSealer(Path keyFile) {
        return new SecretSealer() {
            private volatile DeviceSecretCipher cipher;

            @Override
            public String seal(String owner, String secret) {
                return cipher().seal(owner, secret);
            }

            @Override
            public String open(String owner, String sealed) {
                return cipher().open(owner, sealed);
            }

            private DeviceSecretCipher cipher() {
                DeviceSecretCipher loaded = cipher;
                if (loaded == null) {
                    synchronized (this) {
                        loaded = cipher;
                        if (loaded == null) {
                            loaded = new DeviceSecretCipher(ProvisioningKeyFile.loadOrCreate(keyFile));
                            cipher = loaded;
                        }
                    }
                }
                return loaded;
            }
        };
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(firstAdmin);
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        housekeeping.every("admin-token-purge", Duration.ofHours(1), () -> {
            int purged = adminAuth.purgeExpiredTokens();
            if (purged > 0) {
                log.info("expired admin tokens purged count={}", purged);
            }
        });
        housekeeping.every("admin-login-audit-purge", Duration.ofDays(1), () -> {
            int purged = logins.purgeOlderThan(AUDIT_RETENTION);
            if (purged > 0) {
                log.info("old admin login attempts purged count={} older_than_days={}", purged, AUDIT_RETENTION.toDays());
            }
        });
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new AuthRoutes(adminAuth), new MfaRoutes(totp), new ApiTokenRoutes(adminAuth),
                new AdminUserRoutes(accounts, totp, logins));
    }
}
