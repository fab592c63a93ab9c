package org.switchboard.pbx.voicemail;

import java.time.Duration;
import java.time.Instant;

/** One stored message of a box (its audio is a file, {@link Voicemail#audio}). Immutable. */
public record VoicemailMessage(long id, String box, String callerNumber, String callerName, Instant receivedAt,
        Duration duration, Folder folder) {}
