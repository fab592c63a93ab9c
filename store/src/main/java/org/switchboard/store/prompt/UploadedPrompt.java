package org.switchboard.store.prompt;

import java.time.Duration;
import java.time.Instant;

/**
 * A stored row of an uploaded prompt (V120). Immutable.
 *
 * @param fileName the WAV file's name in the data directory's {@code prompts} folder
 * @param sampleRateHz the rate it was uploaded at: 8000 or 16000
 */
public record UploadedPrompt(long id, String name, String fileName, int sampleRateHz, Duration duration, long sizeBytes,
                             Instant createdAt, Instant updatedAt) {}
