package org.switchboard.store.pickup;

import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * The pickup groups an extension is in (docs/pickup.md). Immutable; validates on construction, naming the field.
 *
 * @param extension the extension's number
 * @param groups the groups' names, sorted, without duplicates; empty: in no group
 */
public record ExtensionPickupGroups(String extension, List<String> groups) {
    /** A group's name: lower-case letters, digits, '-' and '_', 1 to 32 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    /** Enough for any office; keeps a mistaken body from writing thousands of rows. */
    public static final int MAX_GROUPS = 16;

    public ExtensionPickupGroups {
        extension = Fields.required(extension, "extension");
        Fields.check(groups != null, "groups", "is required");
        Fields.check(groups.size() <= MAX_GROUPS, "groups", "must name at most " + MAX_GROUPS + " groups");
        for (String group : groups) {
            Fields.check(group != null && NAME.matcher(group).matches(), "groups",
                    "must be names of 1-32 lower-case letters, digits, '-' or '_' (got '" + group + "')");
        }
        groups = groups.stream().distinct().sorted().toList();
    }
}
