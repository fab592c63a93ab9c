package org.switchboard.store.db;

import java.util.Locale;

/**
 * The database engines Switchboard runs on, told apart by the JDBC URL. Immutable; any thread.
 */
public enum Engine {
    SQLITE("jdbc:sqlite:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    Engine(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The engine a JDBC URL points at; {@link ValidationException} on field {@code database.url} otherwise. */
    public static Engine fromJdbcUrl(String url) {
        String checked = Fields.required(url, "database.url");
        for (Engine engine : values()) {
            if (checked.toLowerCase(Locale.ROOT).startsWith(engine.urlPrefix)) {
                return engine;
            }
        }
        throw new ValidationException("database.url", "must start with jdbc:sqlite: or jdbc:postgresql:");
    }

    /** The Flyway folder holding this engine's own migrations, beside {@code db/migration/common}. */
    String migrationFolder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
