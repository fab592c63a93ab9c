package org.switchboard.store.conference;

import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values a conference room is saved with. Validates on construction ({@link ValidationException}
 * naming the field as the API spells it). Immutable.
 *
 * @param name the room's key in the API and the dial plan's target
 * @param number a number callers dial to reach the room, if it has one (informative: the dial-plan rule routes it)
 * @param pin the PIN every caller must enter; empty for none
 * @param moderatorPin the PIN that makes a caller the moderator; empty for no moderators
 * @param maxParticipants the most callers in the room at once
 * @param waitForModerator whether callers hear music until a moderator is in the room
 * @param tones whether the room hears a tone when someone joins or leaves
 * @param record whether the room is recorded while anyone is in it
 */
public record NewConferenceRoom(String name, Optional<String> number, String pin, String moderatorPin,
        int maxParticipants, boolean waitForModerator, boolean tones, boolean record) {
    /** The most participants a room may allow. */
    public static final int MAX_PARTICIPANTS = 500;
    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{1,32}");
    private static final Pattern PIN = Pattern.compile("[0-9]{0,16}");

    public NewConferenceRoom {
        name = Fields.mixedCaseName(name);
        number = number.map(String::strip).filter(n -> !n.isEmpty());
        number.ifPresent(n -> Fields.check(NUMBER.matcher(n).matches(), "number", "must be 1-32 digits, '*', '#' or '+'"));
        pin = pin == null ? "" : pin;
        Fields.check(PIN.matcher(pin).matches(), "pin", "must be 0-16 digits (empty for none)");
        moderatorPin = moderatorPin == null ? "" : moderatorPin;
        Fields.check(PIN.matcher(moderatorPin).matches(), "moderator_pin", "must be 0-16 digits (empty for none)");
        Fields.check(moderatorPin.isEmpty() || !moderatorPin.equals(pin), "moderator_pin",
                "must differ from pin (the PIN typed decides who is the moderator)");
        Fields.check(maxParticipants >= 2 && maxParticipants <= MAX_PARTICIPANTS, "max_participants",
                "must be between 2 and " + MAX_PARTICIPANTS);
        Fields.check(!waitForModerator || !moderatorPin.isEmpty(), "wait_for_moderator",
                "needs a moderator_pin (otherwise nobody could ever start the room)");
    }

    /** Whether a caller is asked for a PIN: the room has a user or a moderator PIN. */
    public boolean asksForPin() {
        return !pin.isEmpty() || !moderatorPin.isEmpty();
    }
}
