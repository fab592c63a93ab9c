package org.switchboard.store.moh;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * What creating a music-on-hold class needs: its name (lower-case letters, digits, {@code -} and
 * {@code _}, at most 32, since it is also a folder name), a description and the play order. Validates on
 * construction ({@link ValidationException} naming the field). Immutable.
 */
public record NewMohClass(String name, String description, PlayOrder order) {
    /** The class every extension hears unless its call settings name another; it cannot be deleted. */
    public static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final int MAX_DESCRIPTION = 200;

    public NewMohClass {
        name = Fields.required(name, "name");
        Fields.check(NAME.matcher(name).matches(), "name",
                "must be 1-32 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        description = description == null || description.isBlank() ? null : description.strip();
        Fields.check(description == null || description.length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
        order = order == null ? PlayOrder.SEQUENTIAL : order;
    }

    /** Whether {@code name} is a well-formed class name (for a call-settings choice). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
