package org.switchboard.pbx.provisioning;

import java.util.Locale;
import org.switchboard.store.db.ValidationException;

/** How {@link ProvisioningService#importCsv} treats a file with some bad rows; any thread. */
public enum ImportMode {
    /** Every good row is stored; each bad row gets its error. */
    PER_ROW,
    /** Either every row is good and all are stored in one transaction, or none is stored. */
    ALL_OR_NOTHING;

    /** Parses {@code per_row} or {@code all_or_nothing} (any case); null means {@link #PER_ROW}. */
    public static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return PER_ROW;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "per_row" -> PER_ROW;
            case "all_or_nothing" -> ALL_OR_NOTHING;
            default -> throw new ValidationException("mode", "must be per_row or all_or_nothing");
        };
    }
}
