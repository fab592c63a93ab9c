package org.switchboard.media.sdp;

/** Checks on the text that goes into an SDP line, shared by the model records. */
final class SdpText {
    private SdpText() {}

    /** Rejects text that would break the line structure when serialized. */
    static String lineSafe(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(what + " contains a line break or NUL");
            }
        }
        return value;
    }

    /** Rejects an empty value or one with spaces, for single-token fields. */
    static String token(String what, String value) {
        lineSafe(what, value);
        if (value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0) {
            throw new IllegalArgumentException(what + " must be one non-empty token: '" + value + "'");
        }
        return value;
    }
}
