package org.switchboard.pbx.voicemail.calls;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.voicemail.MailboxCounts;
import org.switchboard.pbx.voicemail.VoicemailMessage;

/**
 * The sentences the mailbox says, put together from prompts: several prompts in a row, the
 * message counts, and a message's header (who left it and when). There are no prompts for months
 * or numbers as words, so the date is said as digits: month, day, hour, minute. Immutable; any
 * thread (the first use of a shipped prompt reads it from the jar, see {@link SystemPrompts}).
 */
final class Phrases {
    private static final AudioClip PAUSE = AudioClip.silence(Duration.ofMillis(300));
    /** Every prompt the voicemail calls say. */
    static final List<String> PROMPTS = List.of("busy", "enter-mailbox", "enter-new-pin", "enter-pin", "extension",
            "goodbye", "greeting-saved", "greetings-menu", "invalid-option", "leave-message", "locked-out",
            "mailbox-menu", "message-deleted", "message-from", "message-menu", "message-saved", "new-message",
            "new-messages", "no-messages", "no-more-messages", "not-available", "old-message", "old-messages",
            "pin-changed", "pin-incorrect", "please-try-again", "received", "record-after-tone", "you-have");

    private final Prompts prompts;
    private final ZoneId zone;

    /** @param zone the time zone in which received times are said */
    Phrases(Prompts prompts, ZoneId zone) {
        this.prompts = prompts;
        this.zone = zone;
    }

    /**
     * Loads every prompt the calls say, and the digits, once at start: the shipped ones are read from
     * the jar on first use, which must not happen on a call thread. Throws when one is missing.
     */
    static void load(Prompts prompts) {
        PROMPTS.forEach(prompts::get);
        SystemPrompts.digits("0123456789*#");
    }

    /** The prompts {@code names}, one after another. */
    AudioClip say(String... names) {
        List<AudioClip> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(prompts.get(name));
        }
        return AudioClip.concat(parts);
    }

    /** "You have 2 new messages, 1 old message", or "You have no messages". */
    AudioClip counts(MailboxCounts counts) {
        if (counts.newMessages() == 0 && counts.oldMessages() == 0) {
            return say("no-messages");
        }
        return AudioClip.concat(List.of(prompts.get("you-have"),
                SystemPrompts.digits(Integer.toString(counts.newMessages())),
                prompts.get(counts.newMessages() == 1 ? "new-message" : "new-messages"), PAUSE,
                SystemPrompts.digits(Integer.toString(counts.oldMessages())),
                prompts.get(counts.oldMessages() == 1 ? "old-message" : "old-messages"), PAUSE));
    }

    /** "Message from 1 0 0 1, received 1 2, 0 7, 1 8 3 0", then a pause. */
    AudioClip header(VoicemailMessage message) {
        ZonedDateTime at = message.receivedAt().atZone(zone);
        List<AudioClip> parts = new ArrayList<>();
        if (!message.callerNumber().isEmpty()) {
            parts.add(prompts.get("message-from"));
            parts.add(SystemPrompts.digits(message.callerNumber()));
            parts.add(PAUSE);
        }
        parts.add(prompts.get("received"));
        parts.add(SystemPrompts.digits(twoDigits(at.getMonthValue())));
        parts.add(PAUSE);
        parts.add(SystemPrompts.digits(twoDigits(at.getDayOfMonth())));
        parts.add(PAUSE);
        parts.add(SystemPrompts.digits(twoDigits(at.getHour()) + twoDigits(at.getMinute())));
        parts.add(PAUSE);
        return AudioClip.concat(parts);
    }

    /** A short pause between sentences. */
    AudioClip pause() {
        return PAUSE;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
