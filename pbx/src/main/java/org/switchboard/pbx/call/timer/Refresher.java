package org.switchboard.pbx.call.timer;

import java.util.Locale;
import java.util.Optional;

/** Which end of a dialog sends the session refreshes (RFC 4028 §4, the {@code refresher} parameter). Immutable. */
public enum Refresher {
    UAC, UAS;

    /** The parameter value: {@code uac} or {@code uas}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The refresher this parameter value names, case-insensitively; empty if neither. */
    public static Optional<Refresher> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "uac" -> Optional.of(UAC);
            case "uas" -> Optional.of(UAS);
            default -> Optional.empty();
        };
    }
}
