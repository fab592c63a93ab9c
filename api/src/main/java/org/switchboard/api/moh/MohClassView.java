package org.switchboard.api.moh;

import java.time.Instant;
import org.switchboard.store.moh.MohClass;

/** Response body for a music-on-hold class. */
public record MohClassView(String name, String description, String order, Instant createdAt, Instant updatedAt) {

    static MohClassView of(MohClass c) {
        return new MohClassView(c.name(), c.description(), c.order().key(), c.createdAt(), c.updatedAt());
    }
}
