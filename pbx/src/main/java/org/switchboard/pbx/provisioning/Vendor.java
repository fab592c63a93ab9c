package org.switchboard.pbx.provisioning;

import java.util.Locale;
import java.util.Optional;

/**
 * A phone maker whose configuration files Switchboard can write; immutable, any thread.
 *
 * <p>{@link #id()} is the stable lower-case name used in the database, CSV imports and as the
 * template folder under {@code provisioning/}. Cisco covers both the SPA series and the
 * multiplatform (MPP/3PCC) phones: both read the same {@code <flat-profile>} XML.
 */
public enum Vendor {
    YEALINK,
    POLYCOM,
    GRANDSTREAM,
    CISCO,
    SNOM,
    FANVIL;

    /** The lower-case name: {@code yealink}, {@code polycom}... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a vendor by its id in any case; "poly" is accepted for Polycom's current brand name. */
    public static Optional<Vendor> fromId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("poly")) {
            return Optional.of(POLYCOM);
        }
        for (Vendor v : values()) {
            if (v.id().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
