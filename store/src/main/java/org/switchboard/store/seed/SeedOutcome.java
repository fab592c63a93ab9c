package org.switchboard.store.seed;

/** What {@link SeedRunner} did with one {@link Seed}. Immutable; any thread. */
public enum SeedOutcome {
    /** The section's rows were inserted now (stored as {@code seeded}). */
    SEEDED,
    /** The feature's tables already held rows; nothing was inserted (stored as {@code skipped_not_empty}). */
    SKIPPED_NOT_EMPTY,
    /** The seed ran on an earlier start (or on another node): the database is the source of truth. */
    ALREADY_APPLIED
}
