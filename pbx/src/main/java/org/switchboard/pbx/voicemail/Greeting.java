package org.switchboard.pbx.voicemail;

import java.util.Locale;

/** The greetings a box owner may record: when they do not answer, when they are busy, and their name. */
public enum Greeting {
    UNAVAILABLE, BUSY, NAME;

    /** The name in URLs and the database: {@code unavailable}, {@code busy}, {@code name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
