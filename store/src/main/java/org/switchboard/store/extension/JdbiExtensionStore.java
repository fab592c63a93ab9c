package org.switchboard.store.extension;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;

/** {@link ExtensionStore} on the shared {@link Database}; the only SQL for the {@code extensions} table. Thread-safe. */
public final class JdbiExtensionStore implements ExtensionStore {
    private static final String COLUMNS = "id, number, name, email, ha1_md5, ha1_sha256, realm, voicemail_pin_hash, "
            + "allow_external, enabled, digest_algorithm, created_at, updated_at";
    private static final RowMapper<Extension> MAPPER = (rs, ctx) -> new Extension(
            rs.getLong("id"),
            rs.getString("number"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("ha1_md5"),
            rs.getString("ha1_sha256"),
            rs.getString("realm"),
            rs.getString("voicemail_pin_hash"),
            rs.getBoolean("allow_external"),
            rs.getBoolean("enabled"),
            rs.getString("digest_algorithm"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiExtensionStore(Database database) {
        this.database = database;
    }

    @Override
    public Extension create(NewExtension extension, Instant now) {
        return database.write(h -> bindFields(h.createQuery("""
                        INSERT INTO extensions (number, name, email, ha1_md5, ha1_sha256, realm, voicemail_pin_hash,
                                                allow_external, enabled, digest_algorithm, created_at, updated_at)
                        VALUES (:number, :name, :email, :ha1Md5, :ha1Sha256, :realm, :voicemailPinHash,
                                :allowExternal, :enabled, :digestAlgorithm, :now, :now)
                        RETURNING\s""" + COLUMNS), extension)
                .bind("now", now)
                .map(MAPPER)
                .one());
    }

    @Override
    public Extension update(long id, ExtensionUpdate extension, Instant now) {
        Optional<ExtensionUpdate.Digest> digest = extension.digest();
        // COALESCE keeps the row's own secrets when none are given, read and written by this one
        // statement: a read-modify-write here would race a password change made on another node.
        return database.write(h -> h.createQuery("""
                        UPDATE extensions SET number = :number, name = :name, email = :email,
                               ha1_md5 = COALESCE(:ha1Md5, ha1_md5), ha1_sha256 = COALESCE(:ha1Sha256, ha1_sha256),
                               realm = COALESCE(:realm, realm),
                               voicemail_pin_hash = COALESCE(:voicemailPinHash, voicemail_pin_hash),
                               allow_external = :allowExternal, enabled = :enabled,
                               digest_algorithm = :digestAlgorithm, updated_at = :now
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("number", extension.number())
                .bind("name", extension.name())
                .bind("email", extension.email())
                .bind("ha1Md5", digest.map(ExtensionUpdate.Digest::ha1Md5).orElse(null))
                .bind("ha1Sha256", digest.map(ExtensionUpdate.Digest::ha1Sha256).orElse(null))
                .bind("realm", digest.map(ExtensionUpdate.Digest::realm).orElse(null))
                .bind("voicemailPinHash", extension.voicemailPinHash().orElse(null))
                .bind("allowExternal", extension.allowExternal())
                .bind("enabled", extension.enabled())
                .bind("digestAlgorithm", extension.digestAlgorithm())
                .bind("id", id)
                .bind("now", now)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("extension", "id " + id)));
    }

    @Override
    public Extension setVoicemailPinHash(long id, String pinHash, Instant now) {
        ExtensionFields.voicemailPinHash(pinHash);
        Fields.check(pinHash != null, "voicemail_pin_hash", "is required");
        return database.write(h -> h.createQuery("UPDATE extensions SET voicemail_pin_hash = :hash, updated_at = :now "
                        + "WHERE id = :id RETURNING " + COLUMNS)
                .bind("hash", pinHash)
                .bind("now", now)
                .bind("id", id)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("extension", "id " + id)));
    }

    @Override
    public Optional<Extension> findByNumber(String number) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM extensions WHERE number = :number")
                .bind("number", number)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<Extension> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM extensions ORDER BY number")
                .map(MAPPER)
                .list());
    }

    @Override
    public void delete(long id) {
        database.execute(h -> {
            if (deleteRow(h, id) == 0) {
                throw new NotFoundException("extension", "id " + id);
            }
        });
    }

    @Override
    public long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM extensions").mapTo(Long.class).one());
    }

    private static int deleteRow(Handle h, long id) {
        return h.createUpdate("DELETE FROM extensions WHERE id = :id").bind("id", id).execute();
    }

    private static <S extends SqlStatement<S>> S bindFields(S statement, NewExtension e) {
        return statement
                .bind("number", e.number())
                .bind("name", e.name())
                .bind("email", e.email())
                .bind("ha1Md5", e.ha1Md5())
                .bind("ha1Sha256", e.ha1Sha256())
                .bind("realm", e.realm())
                .bind("voicemailPinHash", e.voicemailPinHash())
                .bind("allowExternal", e.allowExternal())
                .bind("enabled", e.enabled())
                .bind("digestAlgorithm", e.digestAlgorithm());
    }
}
