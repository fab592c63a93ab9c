package org.switchboard.pbx.phonebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/**
 * Names callers from the phone book's numbers, from memory. Numbers are compared by their digits:
 * the same digits match, and so do numbers written with and without a country code or trunk
 * prefix ({@code +1 555 010 2000}, {@code 5550102000}; {@code +49 30 123456}, {@code 030 123456}):
 * the longer ends with the shorter once the shorter's leading zeros are dropped, when that leaves
 * at least {@value #MIN_SIGNIFICANT} digits (so short extensions never match the end of a long
 * number). The first contact in phone-book order wins. Immutable; any thread.
 */
final class CallerDirectory {
    static final CallerDirectory EMPTY = new CallerDirectory(List.of());
    /** Fewest digits two numbers must share at their end to be taken for the same line. */
    static final int MIN_SIGNIFICANT = 7;

    private record Entry(String digits, String significant, String name) {}

    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, List<Entry>> byTail = new HashMap<>();

    CallerDirectory(List<Contact> contacts) {
        for (Contact contact : contacts) {
            NewContact c = contact.values();
            for (Optional<String> number : List.of(c.office(), c.mobile(), c.home())) {
                number.map(CallerDirectory::digits).filter(d -> !d.isEmpty()).ifPresent(d -> add(d, c.displayName()));
            }
        }
    }

    private void add(String digits, String name) {
        exact.putIfAbsent(digits, name);
        String significant = significant(digits);
        if (significant.length() >= MIN_SIGNIFICANT) {
            byTail.computeIfAbsent(tail(significant), t -> new ArrayList<>()).add(new Entry(digits, significant, name));
        }
    }

    /** The name of the contact with {@code number}, if one has it. */
    Optional<String> nameOf(String number) {
        String wanted = digits(number);
        String name = exact.get(wanted);
        if (name != null || wanted.isEmpty()) {
            return Optional.ofNullable(name);
        }
        String significant = significant(wanted);
        if (significant.length() < MIN_SIGNIFICANT) {
            return Optional.empty();
        }
        return byTail.getOrDefault(tail(significant), List.of()).stream()
                .filter(e -> e.digits().endsWith(significant) || wanted.endsWith(e.significant()))
                .map(Entry::name)
                .findFirst();
    }

    static String digits(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        number.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    private static String significant(String digits) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static String tail(String significant) {
        return significant.substring(significant.length() - MIN_SIGNIFICANT);
    }
}
