package org.switchboard.store.emergency;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * How emergency calls are handled. Validates its own form on construction ({@link
 * ValidationException} naming the field as the API spells it); whether the trunks and the
 * extension exist is the service's check. Immutable.
 *
 * @param numbers the numbers that are emergency calls from any extension, without any prefix (911, 112)
 * @param trunks the trunks tried for them, in this order
 * @param callbackNumber the number presented to the emergency service when the calling extension has no DID
 * @param notifyEmails who is mailed at the start of every emergency call
 * @param notifyExtension the front desk's extension, rung at the start of every emergency call
 */
public record EmergencySettings(List<String> numbers, List<String> trunks, Optional<String> callbackNumber,
        List<String> notifyEmails, Optional<String> notifyExtension) {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,15}");
    private static final Pattern TRUNK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern CALLBACK = Pattern.compile("\\+?[0-9]{3,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,<>\"]{1,64}@[^@\\s,<>\"]{1,189}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,32}");

    // After the patterns: static fields initialise in order.
    /** What a node uses before anyone saved settings: 911 is an emergency call, with no trunk to take it yet. */
    public static final EmergencySettings UNSET = new EmergencySettings(List.of("911"), List.of(), Optional.empty(),
            List.of(), Optional.empty());

    public EmergencySettings {
        Fields.check(numbers != null && !numbers.isEmpty() && numbers.size() <= 10, "numbers",
                "must list 1 to 10 emergency numbers");
        numbers = List.copyOf(numbers);
        Fields.check(numbers.stream().allMatch(n -> n != null && NUMBER.matcher(n).matches()), "numbers",
                "must be 2 to 15 digits each");
        Fields.check(new HashSet<>(numbers).size() == numbers.size(), "numbers", "must name each number once");
        Fields.check(trunks != null, "trunks", "must be a list of trunk names");
        trunks = List.copyOf(trunks);
        Fields.check(trunks.stream().allMatch(t -> t != null && TRUNK.matcher(t).matches()), "trunks",
                "must be trunk names");
        Fields.check(new HashSet<>(trunks).size() == trunks.size(), "trunks", "must name each trunk once");
        Fields.check(trunks.size() <= 10, "trunks", "are too many (at most 10)");
        callbackNumber = callbackNumber.map(String::strip).filter(c -> !c.isEmpty());
        callbackNumber.ifPresent(c -> Fields.check(CALLBACK.matcher(c).matches(), "callback_number",
                "must be a number: 3-31 digits, optionally after '+'"));
        Fields.check(notifyEmails != null && notifyEmails.size() <= 10, "notify.emails", "must list at most 10 addresses");
        notifyEmails = List.copyOf(notifyEmails);
        Fields.check(notifyEmails.stream().allMatch(e -> e != null && EMAIL.matcher(e).matches()), "notify.emails",
                "must be e-mail addresses");
        notifyExtension = notifyExtension.map(String::strip).filter(c -> !c.isEmpty());
        notifyExtension.ifPresent(e -> Fields.check(EXTENSION.matcher(e).matches(), "notify.extension",
                "must be an extension number"));
    }

    /** Whether {@code dialled} is one of the emergency numbers. */
    public boolean isEmergencyNumber(String dialled) {
        return numbers.contains(dialled);
    }
}
