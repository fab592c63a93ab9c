package org.switchboard.store.db;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation shorthand for record constructors: the first broken rule becomes a {@link ValidationException}. */
public final class Fields {
    /** A record's key as URLs, dial-plan targets and file names carry it: safe in each of them. */
    private static final Pattern RECORD_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** A key shown as the operator typed it (trunks, outbound routes, conference rooms): either case, '.' too. */
    private static final Pattern MIXED_CASE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,32}");

    private Fields() {}

    public static void check(boolean valid, String field, String message) {
        if (!valid) {
            throw new ValidationException(field, message);
        }
    }

    public static String required(String value, String field) {
        check(value != null && !value.isBlank(), field, "is required");
        return value.strip();
    }

    /** Checks a record's key ({@code name}: ring group, queue, paging zone, menu, prompt); returns it. */
    public static String recordName(String name) {
        check(name != null && RECORD_NAME.matcher(name).matches(), "name",
                "must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        return name;
    }

    /** Checks a trunk's, outbound route's or conference room's {@code name}; returns it stripped. */
    public static String mixedCaseName(String name) {
        String stripped = required(name, "name");
        check(isMixedCaseName(stripped), "name",
                "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        return stripped;
    }

    /** Whether {@code value} has the shape of a trunk's, outbound route's or conference room's name. */
    public static boolean isMixedCaseName(String value) {
        return value != null && MIXED_CASE_NAME.matcher(value).matches();
    }

    /**
     * Checks {@code members}, a list of at most {@code max} extension numbers each named once ({@code members[i]}
     * for the one at fault, a null one included), and returns an immutable copy in the same order. That they are
     * existing extensions is the pbx services' rule.
     */
    public static List<String> distinctExtensions(List<String> members, int max) {
        check(members != null, "members", "is required (may be empty)");
        check(members.size() <= max, "members", "must name at most " + max + " extensions");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            check(member != null && EXTENSION.matcher(member).matches(), "members[" + i + "]", "must be an extension number");
            check(seen.add(member), "members[" + i + "]", "is already a member");
        }
        return List.copyOf(members);
    }
}
