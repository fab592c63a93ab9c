package org.switchboard.store.secret;

import java.time.Instant;
import java.util.function.Supplier;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;

/** {@link SecretStore} on the shared {@link Database}; the only SQL for {@code node_secrets}. Thread-safe. */
public final class JdbiSecretStore implements SecretStore {
    private final Database database;

    public JdbiSecretStore(Database database) {
        this.database = database;
    }

    @Override
    public byte[] getOrCreate(String name, Supplier<byte[]> generator, Instant now) {
        Fields.check(name != null && !name.isBlank() && name.length() <= 64, "name", "must be 1 to 64 characters");
        byte[] candidate = generator.get();
        Fields.check(candidate != null && candidate.length > 0, "secret", "must not be empty");
        // Insert-if-absent, then read back: whoever inserted first decides, on both engines.
        return database.write(h -> {
            h.createUpdate("INSERT INTO node_secrets (name, secret, created_at) VALUES (:name, :secret, :now) "
                            + "ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("secret", candidate)
                    .bind("now", now.toEpochMilli())
                    .execute();
            return h.createQuery("SELECT secret FROM node_secrets WHERE name = :name")
                    .bind("name", name)
                    .mapTo(byte[].class)
                    .one();
        });
    }
}
