package org.switchboard.pbx.voicemail.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.Voicemail;

/**
 * Recording one greeting: {@code record-after-tone}, the beep, then the owner speaks until any key,
 * {@link #SILENCE} of quiet or {@link #LONGEST}; the recording (at least {@link
 * MessageDeposit#SHORTEST} besides the quiet that ended it) becomes the box's greeting of that kind ({@code greeting-saved}),
 * anything shorter is dropped ({@code please-try-again}); either way back to the greetings menu.
 * The audio is recorded into a scratch file from {@link Voicemail#newRecording}, which is removed
 * once stored. Owned by the call's executor.
 */
final class GreetingRecording implements Menu {
    /** The longest greeting. */
    static final Duration LONGEST = Duration.ofSeconds(60);
    /** Quiet for this long ends the greeting. */
    static final Duration SILENCE = Duration.ofSeconds(3);

    private final MailboxCall call;
    private final String box;
    private final Greeting kind;
    private final Menu back;
    private Path scratch;
    private boolean recording;

    GreetingRecording(MailboxCall call, String box, Greeting kind, Menu back) {
        this.call = call;
        this.box = box;
        this.kind = kind;
        this.back = back;
    }

    @Override
    public void enter() {
        call.fetch("voicemail greeting file " + box, voicemail -> voicemail.newRecording(box), file -> {
            scratch = file;
            call.say(call.phrases().say("record-after-tone"), () -> {
                recording = true;
                call.recordAfterBeep(file, RecordOptions.limits(LONGEST, SILENCE));
            });
        });
    }

    @Override
    public void keys(String keys) {
        if (recording) {
            call.stopRecording();
        }
    }

    @Override
    public void noKey() {
        // the wait for a key while recording ran out: the recording's own limits end it
    }

    @Override
    public void recorded(RecordingResult result) {
        recording = false;
        Path file = scratch;
        if (call.hasEnded() || !result.succeeded() || MessageDeposit.isTooShort(result, SILENCE)) {
            call.fetch("voicemail greeting dropped " + box, voicemail -> delete(file),
                    dropped -> call.say(call.phrases().say("please-try-again"), () -> call.go(back)));
            return;
        }
        call.fetch("voicemail greeting " + kind.key() + " " + box, voicemail -> {
            voicemail.saveGreeting(box, kind, read(file));
            return delete(file);
        }, saved -> call.say(call.phrases().say("greeting-saved"), () -> call.go(back)));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
