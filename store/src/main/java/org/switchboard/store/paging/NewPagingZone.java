package org.switchboard.store.paging;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A paging zone to store, checked for the V250 shapes ({@link ValidationException} naming the field as the API
 * spells it, {@code members[i]} for a member). That the members are extensions is the pbx service's rule. Immutable.
 *
 * @param name the zone's key in the API and the dial plan's target of kind {@code page}
 * @param number a number callers dial to page the zone, if it has one (informative: the dial-plan rule routes it)
 * @param members extension numbers whose phones are paged
 * @param beep whether a beep comes before the caller is heard
 * @param maxSeconds how long a page may last before the PBX ends it
 */
public record NewPagingZone(String name, Optional<String> number, List<String> members, boolean beep, int maxSeconds) {
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 3600;
    public static final int MAX_MEMBERS = 100;
    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{1,32}");

    public NewPagingZone {
        Fields.recordName(name);
        Fields.check(number != null, "number", "is required (may be empty)");
        number = number.map(String::strip).filter(n -> !n.isEmpty());
        number.ifPresent(n -> Fields.check(NUMBER.matcher(n).matches(), "number", "must be 1-32 digits, '*', '#' or '+'"));
        Fields.check(members != null && !members.isEmpty(), "members", "must name at least one extension");
        members = Fields.distinctExtensions(members, MAX_MEMBERS);
        Fields.check(maxSeconds >= MIN_SECONDS && maxSeconds <= MAX_SECONDS, "max_seconds",
                "must be " + MIN_SECONDS + " to " + MAX_SECONDS);
    }
}
