package org.switchboard.store.seed;

import java.time.Instant;

/** A row of {@code applied_seeds}: a section that was seeded or skipped, and when. Immutable; any thread. */
public record AppliedSeed(String name, Instant appliedAt, SeedOutcome outcome) {}
