package org.switchboard.pbx.voicemail;

import java.util.Locale;

/** Where a message is: NEW until its owner listened to it (or saved it), then OLD. */
public enum Folder {
    NEW, OLD;

    /** The name in the database and JSON: {@code new}, {@code old}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
