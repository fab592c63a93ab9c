package org.switchboard.store.callsettings;

import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.moh.NewMohClass;

/**
 * An extension's call settings as saved: forwarding always, on busy and on no answer, the ring
 * time before no-answer forwarding, do-not-disturb, the music-on-hold class its held parties
 * hear ({@code mohClass}, null for the {@code default} class), and what its phones are held to for
 * encrypted media ({@link MediaEncryption}, {@code OFFER} when not given). Validates the stored shape on
 * construction ({@link ValidationException} naming the field, e.g. {@code forward_busy.target});
 * whether a target can be dialled is checked by the pbx service. Immutable.
 */
public record NewCallSettings(
        Forwarding forwardAlways,
        Forwarding forwardBusy,
        Forwarding forwardNoAnswer,
        int noAnswerTimeoutSeconds,
        boolean doNotDisturb,
        String mohClass,
        MediaEncryption mediaEncryption) {
    public static final int MIN_TIMEOUT_SECONDS = 5;
    public static final int MAX_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_TIMEOUT_SECONDS = 20;
    /** What an extension without saved settings has: everything off, 20 s ring time, the default hold music. */
    public static final NewCallSettings DEFAULTS = new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF,
            DEFAULT_TIMEOUT_SECONDS, false, null, MediaEncryption.OFFER);

    public NewCallSettings {
        forwardAlways = forwardAlways == null ? Forwarding.OFF : forwardAlways;
        forwardBusy = forwardBusy == null ? Forwarding.OFF : forwardBusy;
        forwardNoAnswer = forwardNoAnswer == null ? Forwarding.OFF : forwardNoAnswer;
        forwardAlways.check("forward_always");
        forwardBusy.check("forward_busy");
        forwardNoAnswer.check("forward_no_answer");
        Fields.check(noAnswerTimeoutSeconds >= MIN_TIMEOUT_SECONDS && noAnswerTimeoutSeconds <= MAX_TIMEOUT_SECONDS,
                "forward_no_answer.timeout_seconds",
                "must be between " + MIN_TIMEOUT_SECONDS + " and " + MAX_TIMEOUT_SECONDS);
        mohClass = mohClass == null || mohClass.isBlank() ? null : mohClass.strip();
        Fields.check(mohClass == null || NewMohClass.isValidName(mohClass), "moh_class",
                "must be the name of a music-on-hold class");
        mediaEncryption = mediaEncryption == null ? MediaEncryption.OFFER : mediaEncryption;
    }

    /** Settings with a music-on-hold choice and the default media encryption ({@code OFFER}). */
    public NewCallSettings(Forwarding forwardAlways, Forwarding forwardBusy, Forwarding forwardNoAnswer,
            int noAnswerTimeoutSeconds, boolean doNotDisturb, String mohClass) {
        this(forwardAlways, forwardBusy, forwardNoAnswer, noAnswerTimeoutSeconds, doNotDisturb, mohClass, null);
    }

    /** Settings without a music-on-hold choice: the {@code default} class. */
    public NewCallSettings(Forwarding forwardAlways, Forwarding forwardBusy, Forwarding forwardNoAnswer,
            int noAnswerTimeoutSeconds, boolean doNotDisturb) {
        this(forwardAlways, forwardBusy, forwardNoAnswer, noAnswerTimeoutSeconds, doNotDisturb, null, null);
    }

    public NewCallSettings withForwardAlways(Forwarding f) {
        return new NewCallSettings(f, forwardBusy, forwardNoAnswer, noAnswerTimeoutSeconds, doNotDisturb, mohClass,
                mediaEncryption);
    }

    public NewCallSettings withDoNotDisturb(boolean on) {
        return new NewCallSettings(forwardAlways, forwardBusy, forwardNoAnswer, noAnswerTimeoutSeconds, on, mohClass,
                mediaEncryption);
    }
}
