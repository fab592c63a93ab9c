package org.switchboard.api.fraud;

import java.time.Instant;
import org.switchboard.store.fraud.BlockedPattern;

/** A blocked pattern as the API shows it. */
public record BlockedPatternView(long id, String prefix, String reason, boolean enabled, Instant createdAt,
        Instant updatedAt) {
    static BlockedPatternView of(BlockedPattern p) {
        return new BlockedPatternView(p.id(), p.values().prefix(), p.values().reason(), p.values().enabled(),
                p.createdAt(), p.updatedAt());
    }
}
