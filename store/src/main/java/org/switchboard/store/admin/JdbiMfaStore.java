package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;

/** {@link MfaStore} on the shared {@link Database}; the only SQL for {@code mfa_secrets} and {@code mfa_recovery_codes}. Thread-safe. */
public final class JdbiMfaStore implements MfaStore {
    private static final RowMapper<MfaSecret> MAPPER = (rs, ctx) -> new MfaSecret(
            rs.getLong("admin_user_id"),
            rs.getString("sealed_secret"),
            rs.getBoolean("confirmed"),
            rs.getLong("last_step"));

    private final Database database;

    public JdbiMfaStore(Database database) {
        this.database = database;
    }

    @Override
    public void saveUnconfirmed(long adminUserId, String sealedSecret, Instant now) {
        String sealed = Fields.required(sealedSecret, "sealed_secret");
        database.execute(h -> {
            deleteCodes(h, adminUserId);
            h.createUpdate("INSERT INTO mfa_secrets (admin_user_id, sealed_secret, confirmed, last_step, created_at, updated_at) "
                            + "VALUES (:user, :sealed, FALSE, 0, :now, :now) "
                            + "ON CONFLICT (admin_user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, "
                            + "confirmed = FALSE, last_step = 0, updated_at = excluded.updated_at")
                    .bind("user", adminUserId)
                    .bind("sealed", sealed)
                    .bind("now", now)
                    .execute();
        });
    }

    @Override
    public Optional<MfaSecret> find(long adminUserId) {
        return database.read(h -> h.createQuery(
                        "SELECT admin_user_id, sealed_secret, confirmed, last_step FROM mfa_secrets WHERE admin_user_id = :user")
                .bind("user", adminUserId)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public boolean confirm(long adminUserId, long step, List<String> recoveryCodeHashes, Instant now) {
        return database.write(h -> {
            int changed = h.createUpdate("UPDATE mfa_secrets SET confirmed = TRUE, last_step = :step, updated_at = :now "
                            + "WHERE admin_user_id = :user AND confirmed = FALSE")
                    .bind("user", adminUserId)
                    .bind("step", step)
                    .bind("now", now)
                    .execute();
            if (changed == 0) {
                return false;
            }
            deleteCodes(h, adminUserId);
            for (String hash : recoveryCodeHashes) {
                h.createUpdate("INSERT INTO mfa_recovery_codes (admin_user_id, code_hash, created_at) VALUES (:user, :hash, :now)")
                        .bind("user", adminUserId)
                        .bind("hash", hash)
                        .bind("now", now)
                        .execute();
            }
            return true;
        });
    }

    @Override
    public boolean useStep(long adminUserId, long step, Instant now) {
        // One conditional UPDATE: the database decides which of two racing logins got the step first.
        return database.write(h -> h.createUpdate("UPDATE mfa_secrets SET last_step = :step, updated_at = :now "
                        + "WHERE admin_user_id = :user AND confirmed = TRUE AND last_step < :step")
                .bind("user", adminUserId)
                .bind("step", step)
                .bind("now", now)
                .execute()) > 0;
    }

    @Override
    public boolean useRecoveryCode(long adminUserId, String codeHash, Instant now) {
        return database.write(h -> h.createUpdate("UPDATE mfa_recovery_codes SET used_at = :now "
                        + "WHERE admin_user_id = :user AND code_hash = :hash AND used_at IS NULL")
                .bind("user", adminUserId)
                .bind("hash", codeHash)
                .bind("now", now)
                .execute()) > 0;
    }

    @Override
    public int unusedRecoveryCodes(long adminUserId) {
        return database.read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM mfa_recovery_codes WHERE admin_user_id = :user AND used_at IS NULL")
                .bind("user", adminUserId)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public boolean remove(long adminUserId) {
        return database.write(h -> {
            deleteCodes(h, adminUserId);
            return h.createUpdate("DELETE FROM mfa_secrets WHERE admin_user_id = :user").bind("user", adminUserId).execute() > 0;
        });
    }

    private static void deleteCodes(Handle h, long adminUserId) {
        h.createUpdate("DELETE FROM mfa_recovery_codes WHERE admin_user_id = :user").bind("user", adminUserId).execute();
    }
}
