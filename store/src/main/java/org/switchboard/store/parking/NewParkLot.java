package org.switchboard.store.parking;

import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values a park lot is saved with. Validates on construction ({@link ValidationException} naming the field
 * as the API spells it). Immutable.
 *
 * @param number what a caller dials (or a transfer names) to park a call
 * @param firstSlot the lowest slot number handed out; dialling a slot retrieves its call
 * @param lastSlot the highest slot number handed out
 * @param timeoutSeconds how long a call stays parked before it rings back the phone that parked it
 * @param musicClass the music-on-hold class a parked call hears
 * @param returnAction where the call goes when the ring-back is not answered; empty: it is hung up
 */
public record NewParkLot(String number, int firstSlot, int lastSlot, int timeoutSeconds, String musicClass,
        Optional<ReturnAction> returnAction) {
    /** The most slots one lot may have. */
    public static final int MAX_SLOTS = 1000;
    private static final Pattern NUMBER = Pattern.compile("[0-9*#]{1,32}");
    private static final Pattern MUSIC_CLASS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public NewParkLot {
        number = Fields.required(number, "number");
        Fields.check(NUMBER.matcher(number).matches(), "number", "must be 1-32 digits, '*' or '#'");
        Fields.check(firstSlot >= 0 && firstSlot <= 99_999_999, "first_slot", "must be between 0 and 99999999");
        Fields.check(lastSlot >= firstSlot, "last_slot", "must not be below first_slot");
        Fields.check(lastSlot - firstSlot < MAX_SLOTS, "last_slot", "must leave at most " + MAX_SLOTS + " slots");
        Fields.check(!covers(firstSlot, lastSlot, number), "number", "must not be one of the slots");
        Fields.check(timeoutSeconds >= 5 && timeoutSeconds <= 3600, "timeout_seconds", "must be between 5 and 3600");
        musicClass = Fields.required(musicClass, "music_class");
        Fields.check(MUSIC_CLASS.matcher(musicClass).matches(), "music_class", "must be a music-on-hold class name");
        returnAction = returnAction == null ? Optional.empty() : returnAction;
    }

    /** Whether {@code slot} is one of this lot's slots. */
    public boolean hasSlot(int slot) {
        return slot >= firstSlot && slot <= lastSlot;
    }

    private static boolean covers(int first, int last, String number) {
        return number.matches("[0-9]{1,8}") && Integer.parseInt(number) >= first && Integer.parseInt(number) <= last;
    }
}
