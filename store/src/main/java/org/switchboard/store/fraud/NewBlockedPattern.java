package org.switchboard.store.fraud;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * A blocked destination as saved: numbers sent to a trunk that start with {@code prefix} are
 * refused while it is enabled, with {@code reason} in the refusal. Validates on construction. Immutable.
 */
public record NewBlockedPattern(String prefix, String reason, boolean enabled) {
    private static final Pattern PREFIX = Pattern.compile("[0-9*#+]{1,32}");

    public NewBlockedPattern {
        prefix = Fields.required(prefix, "prefix");
        Fields.check(PREFIX.matcher(prefix).matches(), "prefix", "must be 1-32 digits, '*', '#' or '+'");
        reason = Fields.required(reason, "reason");
        Fields.check(reason.length() <= 200, "reason", "must be at most 200 characters");
    }
}
