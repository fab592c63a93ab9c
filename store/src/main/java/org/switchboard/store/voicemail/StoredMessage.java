package org.switchboard.store.voicemail;

import java.time.Instant;

/**
 * A voicemail message row: who called, when, how long, its folder ({@code new} or {@code old})
 * and the file name of its audio in the box's folder. {@code callerName} is null when unknown.
 * Immutable.
 */
public record StoredMessage(long id, long extensionId, String callerNumber, String callerName, Instant receivedAt,
        long durationMs, String folder, String audioFile, Instant createdAt, Instant updatedAt) {}
