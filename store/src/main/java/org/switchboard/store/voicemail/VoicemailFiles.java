package org.switchboard.store.voicemail;

import java.util.regex.Pattern;

/** The shape of the file names rows hold: plain names in the box's folder, never a path. Stateless. */
public final class VoicemailFiles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private VoicemailFiles() {}

    /** Whether {@code name} is a plain file name (no separator, no {@code ..}), at most 100 characters. */
    public static boolean isFileName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }
}
