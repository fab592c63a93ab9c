package org.switchboard.sip.app;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the Call-ID of a received message without parsing it: the value of the first {@code
 * Call-ID} (or compact {@code i}) header line of the header block, trimmed. Only for choosing the
 * serial executor that will parse the message, so order per Call-ID holds while parsing runs on
 * the call threads instead of the single receiving event loop: a message with a folded or odd
 * Call-ID line still gets parsed correctly, at worst on another executor. Stateless; any thread.
 */
final class CallIdScanner {
    private CallIdScanner() {}

    /** The Call-ID value, or empty when the header block has no Call-ID line. */
    static Optional<String> find(byte[] message) {
        int line = nextLine(message, 0); // the start line is never a header
        while (line < message.length) {
            int end = lineEnd(message, line);
            if (end == line) {
                return Optional.empty(); // the empty line: the header block ended without a Call-ID
            }
            int colon = nameEnd(message, line, end);
            if (colon > 0) {
                return Optional.of(value(message, colon + 1, end));
            }
            line = nextLine(message, end);
        }
        return Optional.empty();
    }

    /** The index of the colon when the line is a Call-ID header, else -1. */
    private static int nameEnd(byte[] m, int start, int end) {
        int i;
        if (matchesIgnoreCase(m, start, end, "call-id")) {
            i = start + 7;
        } else if ((m[start] | 0x20) == 'i') {
            i = start + 1;
        } else {
            return -1;
        }
        while (i < end && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < end && m[i] == ':' ? i : -1;
    }

    private static boolean matchesIgnoreCase(byte[] m, int start, int end, String lowerName) {
        if (end - start < lowerName.length()) {
            return false;
        }
        for (int k = 0; k < lowerName.length(); k++) {
            if ((m[start + k] | 0x20) != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String value(byte[] m, int from, int end) {
        int start = from;
        while (start < end && (m[start] == ' ' || m[start] == '\t')) {
            start++;
        }
        int stop = end;
        while (stop > start && (m[stop - 1] == ' ' || m[stop - 1] == '\t')) {
            stop--;
        }
        return new String(m, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    /** The end of the line starting at {@code start}: the index of its CR LF or bare LF. */
    private static int lineEnd(byte[] m, int start) {
        int i = start;
        while (i < m.length && m[i] != '\n') {
            i++;
        }
        return i > start && m[i - 1] == '\r' ? i - 1 : i;
    }

    private static int nextLine(byte[] m, int from) {
        int i = from;
        while (i < m.length && m[i] != '\n') {
            i++;
        }
        return i + 1;
    }
}
