package org.switchboard.media.dtmf;

/**
 * The sixteen DTMF digits {@code 0-9 * # A-D}: their RFC 4733 §3.2 event codes and their tone pairs (ITU-T Q.23).
 *
 * <p>Stateless: any thread may call it.
 */
public final class Dtmf {
    /** The row (low group) frequencies, Hz. */
    public static final double[] ROWS = {697, 770, 852, 941};
    /** The column (high group) frequencies, Hz. */
    public static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String EVENTS = "0123456789*#ABCD";
    private static final String[] KEYPAD = {"123A", "456B", "789C", "*0#D"};

    private Dtmf() {}

    /** Whether {@code digit} is one of {@code 0-9 * # A-D} (upper case). */
    public static boolean isDigit(char digit) {
        return EVENTS.indexOf(digit) >= 0;
    }

    /** The RFC 4733 event code (0-15) of {@code digit}; throws for anything that is not a DTMF digit. */
    public static int eventCode(char digit) {
        int code = EVENTS.indexOf(digit);
        if (code < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        return code;
    }

    /** The digit of RFC 4733 event {@code code}, or 0 for events 16 and above (flash, tones) which are no digits. */
    public static char digitOf(int code) {
        return code >= 0 && code < EVENTS.length() ? EVENTS.charAt(code) : 0;
    }

    /** The digit at keypad {@code row} and {@code column} (each 0-3). */
    public static char atKeypad(int row, int column) {
        return KEYPAD[row].charAt(column);
    }

    /** The row (0-3) of {@code digit} on the keypad. */
    public static int rowOf(char digit) {
        for (int r = 0; r < KEYPAD.length; r++) {
            if (KEYPAD[r].indexOf(digit) >= 0) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
    }

    /** The column (0-3) of {@code digit} on the keypad. */
    public static int columnOf(char digit) {
        return KEYPAD[rowOf(digit)].indexOf(digit);
    }
}
