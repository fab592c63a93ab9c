package org.switchboard.store.db;

/**
 * The characters no text value of Switchboard may hold: C0 controls (line breaks, NUL, tab, ESC),
 * DEL, C1 controls and the Unicode line and paragraph separators. A line break in a name would
 * forge a line in a log or a phone's configuration file, NUL truncates strings in C firmware, and
 * no field the API takes is multi-line. Stateless; any thread.
 */
public final class ControlCharacters {
    /** What a client is told when a field holds one. */
    public static final String MESSAGE = "must not contain control characters (line breaks, tabs, NUL)";

    private ControlCharacters() {}

    /** Whether {@code c} is one of the refused characters. */
    public static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** Whether {@code text} holds any refused character. */
    public static boolean containsAny(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} with each refused character written as a visible escape ({@code \n}, {@code \r},
     * {@code \t}, otherwise {@code \}{@code uXXXX}), so a value can never start a new log line.
     * Returns {@code text} itself when there is nothing to escape.
     */
    public static String escape(String text) {
        if (!containsAny(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
