package org.switchboard.pbx.voicemail.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.Voicemail;
import org.switchboard.pbx.voicemail.VoicemailBox;

/**
 * What a caller leaving a message gets, looked up before the greeting plays: the box is
 * unavailable (unknown or disabled), or it takes messages with this greeting into this new file.
 * Immutable.
 */
sealed interface DepositPlan {

    /** The box takes no messages: the caller hears {@code not-available}. */
    record Unavailable() implements DepositPlan {}

    /** The box takes a message: {@code greeting} plays, then the beep, then the caller records into {@code file}. */
    record Ready(VoicemailBox box, AudioClip greeting, Path file) implements DepositPlan {}

    /**
     * Looks {@code number}'s box up and loads its greeting of {@code kind}: the owner's recording when
     * there is one, else the spoken default ("extension 1 0 0 2" or the owner's recorded name, then
     * "is not available" or "is on the phone", then "please leave a message"). Blocks (database,
     * files): a virtual thread only.
     */
    static DepositPlan lookUp(Voicemail voicemail, Prompts prompts, String number, Greeting kind) {
        Optional<VoicemailBox> box = voicemail.box(number).filter(VoicemailBox::enabled);
        if (box.isEmpty()) {
            return new Unavailable();
        }
        AudioClip greeting = voicemail.greeting(number, kind).map(DepositPlan::load)
                .orElseGet(() -> defaultGreeting(voicemail, prompts, number, kind));
        return new Ready(box.get(), greeting, voicemail.newRecording(number));
    }

    private static AudioClip defaultGreeting(Voicemail voicemail, Prompts prompts, String number, Greeting kind) {
        List<AudioClip> parts = new ArrayList<>();
        voicemail.greeting(number, Greeting.NAME).map(DepositPlan::load).ifPresentOrElse(parts::add, () -> {
            parts.add(prompts.get("extension"));
            parts.add(SystemPrompts.digits(number));
        });
        parts.add(prompts.get(kind == Greeting.BUSY ? "busy" : "not-available"));
        parts.add(prompts.get("leave-message"));
        return AudioClip.concat(parts);
    }

    /** A recorded greeting's audio. */
    static AudioClip load(Path wav) {
        try {
            return AudioClip.fromWav(Files.readAllBytes(wav));
        } catch (IOException e) {
            throw new UncheckedIOException("reading greeting " + wav, e);
        }
    }
}
