package org.switchboard.store.route;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values a time rule is saved with. Validates its form on construction ({@link
 * ValidationException} naming the field as the API spells it); whether the destinations exist is
 * the service's check. Immutable.
 *
 * @param name what dial-plan rules and inbound routes name as the target of kind {@code time_rule}
 * @param hours when the rule is open (none: always closed)
 * @param holidays dates it is closed all day
 * @param open where calls go while open
 * @param closed where calls go otherwise
 */
public record NewTimeRule(String name, List<OpenHours> hours, List<Holiday> holidays, Branch open, Branch closed) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** A destination: a dial-plan destination kind and its target. */
    public record Branch(String action, String target) {}

    public NewTimeRule {
        name = Fields.required(name, "name").strip();
        Fields.check(NAME.matcher(name).matches(), "name", "must be 1-64 letters, digits, '_', '.' or '-'");
        hours = List.copyOf(hours == null ? List.of() : hours);
        holidays = List.copyOf(holidays == null ? List.of() : holidays);
        Fields.check(holidays.stream().map(Holiday::date).allMatch(new HashSet<>()::add), "holidays.date",
                "must not name a date twice");
        open = branch(open, "open");
        closed = branch(closed, "closed");
    }

    private static Branch branch(Branch branch, String field) {
        if (branch == null) {
            throw new ValidationException(field, "is required: {\"action\":...,\"target\":...}");
        }
        String action = Fields.required(branch.action(), field + ".action").strip();
        Fields.check(action.length() <= 32, field + ".action", "must be at most 32 characters");
        String target = Fields.required(branch.target(), field + ".target").strip();
        Fields.check(target.length() <= 64, field + ".target", "must be at most 64 characters");
        return new Branch(action, target);
    }
}
