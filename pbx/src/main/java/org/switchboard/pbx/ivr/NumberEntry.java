package org.switchboard.pbx.ivr;

/**
 * An extension number keyed in at a menu, one key at a time: finished as soon as it is an
 * extension no longer number begins with, by {@code #} or a pause when it is one, refused as soon
 * as no extension begins with it. Owned by one call's executor.
 */
final class NumberEntry {
    /** What the keys so far amount to. */
    enum Progress {
        /** An extension number, ready to dial. */
        COMPLETE,
        /** The beginning of one or more numbers: wait for the next key. */
        MORE,
        /** No extension number (also: nothing pressed before the pause). */
        NONE
    }

    private final ExtensionNumbers numbers;
    private final StringBuilder keys = new StringBuilder();

    NumberEntry(ExtensionNumbers numbers) {
        this.numbers = numbers;
    }

    /** Takes the next key ({@code ""} after a pause, {@code #} to finish). */
    Progress press(String key) {
        if (key.isEmpty() || key.equals("#")) {
            return numbers.isNumber(number()) ? Progress.COMPLETE : Progress.NONE;
        }
        keys.append(key);
        String sofar = number();
        if (numbers.isNumber(sofar) && !numbers.anyLongerStartsWith(sofar)) {
            return Progress.COMPLETE;
        }
        return numbers.anyStartsWith(sofar) ? Progress.MORE : Progress.NONE;
    }

    /** The keys pressed, without {@code #}. */
    String number() {
        return keys.toString();
    }
}
