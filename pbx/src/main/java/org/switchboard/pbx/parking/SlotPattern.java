package org.switchboard.pbx.parking;

import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression matching exactly the decimal numbers of a slot range ({@code 701-720} gives {@code
 * 7(?:0[1-9]|1[0-9]|20)}), for the dial-plan rule that sends the slots to kind {@code park_slot}: a rule pattern is at
 * most 200 characters, which listing a thousand slots would not fit. Stateless.
 */
final class SlotPattern {
    private SlotPattern() {}

    /** The alternatives matching every number from {@code first} to {@code last}, no others, without leading zeros. */
    static String of(int first, int last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a slot range: " + first + "-" + last);
        }
        List<String> parts = new ArrayList<>();
        int low = first;
        // numbers of one length at a time: 7-12 is 7-9 and 10-12
        while (low <= last) {
            int length = Integer.toString(low).length();
            int high = Math.min(last, (int) Math.pow(10, length) - 1);
            parts.add(sameLength(Integer.toString(low), Integer.toString(high)));
            low = high + 1;
        }
        return String.join("|", parts);
    }

    private static String sameLength(String low, String high) {
        if (low.equals(high)) {
            return low;
        }
        if (low.charAt(0) == high.charAt(0)) {
            String rest = sameLength(low.substring(1), high.substring(1));
            return low.charAt(0) + (rest.contains("|") ? "(?:" + rest + ")" : rest);
        }
        int tail = low.length() - 1;
        String lowRest = low.substring(1);
        String highRest = high.substring(1);
        List<String> parts = new ArrayList<>();
        char from = low.charAt(0);
        char to = high.charAt(0);
        if (!lowRest.equals("0".repeat(tail))) {
            parts.add(prefixed(low.charAt(0), sameLength(lowRest, "9".repeat(tail))));
            from++;
        }
        boolean highWhole = highRest.equals("9".repeat(tail));
        if (!highWhole) {
            to--;
        }
        if (from <= to) {
            parts.add(digits(from, to) + "[0-9]".repeat(tail));
        }
        if (!highWhole) {
            parts.add(prefixed(high.charAt(0), sameLength("0".repeat(tail), highRest)));
        }
        return String.join("|", parts);
    }

    private static String prefixed(char digit, String rest) {
        return digit + (rest.contains("|") ? "(?:" + rest + ")" : rest);
    }

    private static String digits(char from, char to) {
        return from == to ? String.valueOf(from) : "[" + from + "-" + to + "]";
    }
}
