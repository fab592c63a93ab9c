package org.switchboard.store.route;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values an outbound route is saved with. Validates its own form on construction ({@link
 * ValidationException} naming the field as the API spells it); whether the trunks exist is the
 * service's check. Immutable.
 *
 * @param name the route's key, the dial-plan target of kind {@code outbound}
 * @param dial the number sent to the carrier, built from the dial-plan rule's groups: digits,
 *     {@code +}, {@code *}, {@code #} and {@code $n} references (prepend with {@code 1$1}, strip by
 *     leaving a group out of the pattern's capture)
 * @param trunks the trunks tried, in this order unless {@code lcr}; each at most once
 * @param lcr whether the trunks are ordered by the rate in force for the dialled number instead
 * @param callerId the number presented to the carrier for every call on this route, if set
 */
public record NewOutboundRoute(String name, String dial, List<String> trunks, boolean lcr, Optional<String> callerId) {
    private static final Pattern DIAL = Pattern.compile("([0-9*#+]|\\$[1-9])+");
    private static final Pattern CALLER_ID = Pattern.compile("\\+?[0-9]{1,31}");

    public NewOutboundRoute {
        name = Fields.mixedCaseName(name);
        dial = Fields.required(dial, "dial");
        Fields.check(dial.length() <= 64 && DIAL.matcher(dial).matches(), "dial",
                "must be up to 64 digits, '+', '*', '#' and $1-$9 group references");
        Fields.check(trunks != null && !trunks.isEmpty(), "trunks", "must name at least one trunk");
        Fields.check(trunks.stream().allMatch(Fields::isMixedCaseName), "trunks",
                "must be trunk names");
        trunks = List.copyOf(trunks);
        Fields.check(new HashSet<>(trunks).size() == trunks.size(), "trunks", "must name each trunk once");
        Fields.check(String.join(",", trunks).length() <= 1000, "trunks", "are too many");
        callerId = callerId.map(String::strip).filter(c -> !c.isEmpty());
        callerId.ifPresent(c -> Fields.check(CALLER_ID.matcher(c).matches(), "caller_id",
                "must be a number: 1-31 digits, optionally after '+'"));
    }
}
