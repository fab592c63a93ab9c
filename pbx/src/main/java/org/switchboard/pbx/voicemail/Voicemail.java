package org.switchboard.pbx.voicemail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The voicemail boxes and their messages as the call applications (leaving and listening to
 * messages) and message waiting use them. Every method reads or writes the database and files, so
 * it blocks: call it from a virtual thread and post the result to the call's executor, never from a
 * call thread. Thread-safe.
 */
public interface Voicemail {

    /** The box of extension {@code number}, if the extension exists. */
    Optional<VoicemailBox> box(String number);

    /**
     * Checks a PIN typed for {@code box}: a wrong PIN counts towards the box's lock-out (logged), a
     * right one resets the count; a locked box refuses every PIN until its lock-out ends.
     */
    PinCheck checkPin(String box, String pin);

    /** Changes the PIN of {@code box} (stored hashed). @throws IllegalArgumentException when it is not 4-10 digits */
    void changePin(String box, String pin);

    /** A new file under the data directory where a message for {@code box} is to be recorded (WAV). */
    Path newRecording(String box);

    /**
     * Keeps a recorded message: {@code audio} (a file from {@link #newRecording}, complete) becomes
     * the box's newest message in folder NEW; the row is written after the audio is on disk, so a
     * crash never leaves a row without audio. Tells every {@link MailboxListener}.
     */
    VoicemailMessage deposit(String box, Path audio, String callerNumber, String callerName, Instant receivedAt,
            Duration duration);

    /** The messages of {@code box} in {@code folder}, oldest first. */
    List<VoicemailMessage> messages(String box, Folder folder);

    /** The audio of message {@code id} of {@code box}, if both exist. */
    Optional<Path> audio(String box, long id);

    /** Moves message {@code id} of {@code box} to {@code folder}; false when there is no such message. */
    boolean move(String box, long id, Folder folder);

    /** Deletes message {@code id} of {@code box} and its audio; false when there is no such message. */
    boolean delete(String box, long id);

    /** The recorded greeting of this kind, if the owner recorded one (else callers hear a default prompt). */
    Optional<Path> greeting(String box, Greeting kind);

    /** Stores {@code wav} (8 or 16 kHz mono PCM WAV) as the box's greeting of this kind, replacing the previous one. */
    void saveGreeting(String box, Greeting kind, byte[] wav);

    /** How many new and old messages {@code box} holds. */
    MailboxCounts counts(String box);
}
