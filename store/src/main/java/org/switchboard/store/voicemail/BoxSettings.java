package org.switchboard.store.voicemail;

import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A voicemail box's settings as the owner or an administrator sets them: whether calls the
 * extension misses go to the box, whether new messages are mailed to the extension's address, the
 * longest message, and whether the owner's own phone opens the box without the PIN. Validates on
 * construction ({@link ValidationException} naming the field). Immutable.
 */
public record BoxSettings(boolean enabled, boolean emailMessages, int maxMessageSeconds, boolean ownPhoneSkipsPin) {
    public static final int MIN_MESSAGE_SECONDS = 10;
    public static final int MAX_MESSAGE_SECONDS = 3600;
    /** What a box has until its settings are first saved (the columns' defaults in V110). */
    public static final BoxSettings DEFAULTS = new BoxSettings(true, true, 180, false);

    public BoxSettings {
        Fields.check(maxMessageSeconds >= MIN_MESSAGE_SECONDS && maxMessageSeconds <= MAX_MESSAGE_SECONDS,
                "max_message_seconds", "must be between " + MIN_MESSAGE_SECONDS + " and " + MAX_MESSAGE_SECONDS);
    }
}
