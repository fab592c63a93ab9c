package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;

/** {@link ProvisioningTokenStore} on the shared {@link Database}; the only SQL for {@code provisioning_url_tokens}. Thread-safe. */
public final class JdbiProvisioningTokenStore implements ProvisioningTokenStore {
    private final Database database;

    public JdbiProvisioningTokenStore(Database database) {
        this.database = database;
    }

    @Override
    public String getOrCreate(String scope, String candidate, Instant now) {
        check(scope, candidate);
        // Insert-if-absent, then read back: whoever inserted first decides, on both engines.
        return database.write(h -> {
            h.createUpdate("""
                            INSERT INTO provisioning_url_tokens (scope, token, created_at, updated_at)
                            VALUES (:scope, :token, :now, :now) ON CONFLICT (scope) DO NOTHING""")
                    .bind("scope", scope)
                    .bind("token", candidate)
                    .bind("now", now)
                    .execute();
            return select(h, scope).orElseThrow();
        });
    }

    @Override
    public void replace(String scope, String token, Instant now) {
        check(scope, token);
        database.write(h -> h.createUpdate("""
                        INSERT INTO provisioning_url_tokens (scope, token, created_at, updated_at)
                        VALUES (:scope, :token, :now, :now)
                        ON CONFLICT (scope) DO UPDATE SET token = excluded.token, updated_at = excluded.updated_at""")
                .bind("scope", scope)
                .bind("token", token)
                .bind("now", now)
                .execute());
    }

    @Override
    public Optional<String> find(String scope) {
        return database.read(h -> select(h, scope));
    }

    private static Optional<String> select(Handle h, String scope) {
        return h.createQuery("SELECT token FROM provisioning_url_tokens WHERE scope = :scope")
                .bind("scope", scope)
                .mapTo(String.class)
                .findOne();
    }

    private static void check(String scope, String token) {
        Fields.check(scope != null && !scope.isBlank() && scope.length() <= 32, "scope", "must be 1 to 32 characters");
        Fields.check(token != null && token.length() >= 16 && token.length() <= 64, "token", "must be 16 to 64 characters");
    }
}
