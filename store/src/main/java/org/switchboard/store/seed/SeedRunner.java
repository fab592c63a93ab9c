package org.switchboard.store.seed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.db.Database;

/**
 * Runs each {@link Seed} once per database, after migrations and before services load. Each seed
 * runs in its own transaction that first claims the seed's name with {@code INSERT ... ON
 * CONFLICT DO NOTHING} into {@code applied_seeds}: on PostgreSQL a second node inserting the
 * same name waits for the first node's transaction and then finds the conflict; on SQLite
 * {@code BEGIN IMMEDIATE} serializes the two. Thread-safe; call from the start-up thread.
 */
public final class SeedRunner {
    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

    private final Database database;
    private final Clock clock;

    public SeedRunner(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Runs the seeds in order; returns each seed's outcome by name, in the same order. */
    public Map<String, SeedOutcome> run(List<Seed> seeds) {
        Map<String, SeedOutcome> outcomes = new LinkedHashMap<>();
        for (Seed seed : seeds) {
            outcomes.put(seed.name(), run(seed));
        }
        return outcomes;
    }

    /** Runs one seed in one transaction and returns what happened. */
    public SeedOutcome run(Seed seed) {
        SeedOutcome outcome = database.write(h -> {
            int claimed = h.createUpdate("INSERT INTO applied_seeds (name, applied_at, outcome) VALUES (:name, :now, 'seeded') "
                            + "ON CONFLICT (name) DO NOTHING")
                    .bind("name", seed.name())
                    .bind("now", clock.instant())
                    .execute();
            if (claimed == 0) {
                return SeedOutcome.ALREADY_APPLIED;
            }
            if (seed.hasRows()) {
                h.createUpdate("UPDATE applied_seeds SET outcome = 'skipped_not_empty' WHERE name = :name")
                        .bind("name", seed.name())
                        .execute();
                return SeedOutcome.SKIPPED_NOT_EMPTY;
            }
            seed.apply();
            return SeedOutcome.SEEDED;
        });
        switch (outcome) {
            case SEEDED -> log.info("config section '{}' seeded into the empty database", seed.name());
            case SKIPPED_NOT_EMPTY -> log.info("config section '{}' not seeded: the database already holds rows for it",
                    seed.name());
            case ALREADY_APPLIED -> log.info("config section '{}' ignored: the database is the source of truth", seed.name());
        }
        return outcome;
    }

    /** The record of a seed, if it ran before; for {@code config check}. */
    public Optional<AppliedSeed> find(String name) {
        return database.read(h -> h.createQuery("SELECT name, applied_at, outcome FROM applied_seeds WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new AppliedSeed(
                        rs.getString("name"),
                        Instant.ofEpochMilli(rs.getLong("applied_at")),
                        "seeded".equals(rs.getString("outcome")) ? SeedOutcome.SEEDED : SeedOutcome.SKIPPED_NOT_EMPTY))
                .findOne());
    }
}
