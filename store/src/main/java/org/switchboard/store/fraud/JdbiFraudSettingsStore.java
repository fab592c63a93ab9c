package org.switchboard.store.fraud;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * The only SQL for {@code fraud_settings} (one row once saved; {@link FraudSettings#DEFAULTS} before) and {@code
 * fraud_extension_limits}. Thread-safe; blocking: call from worker or virtual threads.
 */
public final class JdbiFraudSettingsStore {
    private static final String SETTINGS = "default_permission, international_prefixes, national_prefixes, "
            + "premium_prefixes, daily_spend_micros, daily_minutes, max_international_calls, after_hours_rule";
    private static final RowMapper<FraudSettings> SETTINGS_MAPPER = (rs, ctx) -> new FraudSettings(
            OutboundClass.of(rs.getString("default_permission"), "default_permission"),
            list(rs.getString("international_prefixes")),
            list(rs.getString("national_prefixes")),
            list(rs.getString("premium_prefixes")),
            rs.getLong("daily_spend_micros"),
            rs.getInt("daily_minutes"),
            rs.getInt("max_international_calls"),
            Optional.ofNullable(rs.getString("after_hours_rule")));
    private static final String LIMITS = "extension_number, permission, daily_spend_micros, daily_minutes, "
            + "max_international_calls";
    private static final RowMapper<ExtensionLimits> LIMITS_MAPPER = (rs, ctx) -> new ExtensionLimits(
            rs.getString("extension_number"),
            OutboundClass.of(rs.getString("permission"), "permission"),
            rs.getObject("daily_spend_micros") == null ? null : rs.getLong("daily_spend_micros"),
            rs.getObject("daily_minutes") == null ? null : rs.getInt("daily_minutes"),
            rs.getObject("max_international_calls") == null ? null : rs.getInt("max_international_calls"));

    private final Database database;

    public JdbiFraudSettingsStore(Database database) {
        this.database = database;
    }

    public FraudSettings settings() {
        return database.read(h -> h.createQuery("SELECT " + SETTINGS + " FROM fraud_settings WHERE id = 1")
                .map(SETTINGS_MAPPER).findOne().orElse(FraudSettings.DEFAULTS));
    }

    public FraudSettings saveSettings(FraudSettings s, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO fraud_settings (id, default_permission, international_prefixes, national_prefixes,
                               premium_prefixes, daily_spend_micros, daily_minutes, max_international_calls,
                               after_hours_rule, updated_at)
                        VALUES (1, :permission, :international, :national, :premium, :spend, :minutes,
                               :international_calls, :rule, :now)
                        ON CONFLICT (id) DO UPDATE SET default_permission = excluded.default_permission,
                               international_prefixes = excluded.international_prefixes,
                               national_prefixes = excluded.national_prefixes, premium_prefixes = excluded.premium_prefixes,
                               daily_spend_micros = excluded.daily_spend_micros, daily_minutes = excluded.daily_minutes,
                               max_international_calls = excluded.max_international_calls,
                               after_hours_rule = excluded.after_hours_rule, updated_at = excluded.updated_at
                        RETURNING\s""" + SETTINGS)
                .bind("permission", s.defaultPermission().wireName())
                .bind("international", String.join(",", s.internationalPrefixes()))
                .bind("national", String.join(",", s.nationalPrefixes()))
                .bind("premium", String.join(",", s.premiumPrefixes()))
                .bind("spend", s.dailySpendMicros())
                .bind("minutes", s.dailyMinutes())
                .bind("international_calls", s.maxInternationalCalls())
                .bind("rule", s.afterHoursRule().orElse(null))
                .bind("now", now)
                .map(SETTINGS_MAPPER).one());
    }

    public List<ExtensionLimits> limits() {
        return database.read(h -> h.createQuery("SELECT " + LIMITS + " FROM fraud_extension_limits ORDER BY extension_number")
                .map(LIMITS_MAPPER).list());
    }

    // INSERT ... SELECT ... WHERE EXISTS: an unknown extension inserts nothing, reported as not
    // found on both engines (SQLite's foreign-key error does not name the column).
    public ExtensionLimits saveLimits(ExtensionLimits l, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO fraud_extension_limits (extension_number, permission, daily_spend_micros, daily_minutes,
                               max_international_calls, updated_at)
                        SELECT :number, :permission, :spend, :minutes, :international_calls, :now
                        WHERE EXISTS (SELECT 1 FROM extensions WHERE number = :number)
                        ON CONFLICT (extension_number) DO UPDATE SET permission = excluded.permission,
                               daily_spend_micros = excluded.daily_spend_micros, daily_minutes = excluded.daily_minutes,
                               max_international_calls = excluded.max_international_calls, updated_at = excluded.updated_at
                        RETURNING\s""" + LIMITS)
                .bind("number", l.extension())
                .bind("permission", l.permission().wireName())
                .bind("spend", l.dailySpendMicros())
                .bind("minutes", l.dailyMinutes())
                .bind("international_calls", l.maxInternationalCalls())
                .bind("now", now)
                .map(LIMITS_MAPPER).findOne()
                .orElseThrow(() -> new NotFoundException("extension", l.extension())));
    }

    /** Removes an extension's own limits (it gets the defaults again); false when it had none. */
    public boolean deleteLimits(String extension) {
        return database.write(h -> h.createUpdate("DELETE FROM fraud_extension_limits WHERE extension_number = :number")
                .bind("number", extension).execute() > 0);
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
