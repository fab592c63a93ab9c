package org.switchboard.api.moh;

import java.time.Instant;
import org.switchboard.store.moh.MohFile;

/** Response body for a file of a music-on-hold class. */
public record MohFileView(String file, int position, long durationMs, Instant updatedAt) {

    static MohFileView of(MohFile f) {
        return new MohFileView(f.fileName(), f.position(), f.duration().toMillis(), f.updatedAt());
    }
}
