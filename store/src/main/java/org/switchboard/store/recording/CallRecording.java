package org.switchboard.store.recording;

import java.time.Instant;

/** A stored recording: its id, what it was stored with, and whether a legal hold keeps it. Immutable. */
public record CallRecording(long id, String callId, String extension, Instant startedAt, int durationSeconds,
        String file, boolean legalHold) {}
