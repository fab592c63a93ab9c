package org.switchboard.store.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * A queued voicemail mail as stored: what was queued, how many attempts failed, when the next one
 * is due and why the last one failed. Immutable (the audio is copied out).
 */
public record OutboxMail(long id, NewOutboxMail mail, int attempts, Instant nextAttemptAt, Optional<String> lastError,
                         Instant createdAt, Instant updatedAt) {}
