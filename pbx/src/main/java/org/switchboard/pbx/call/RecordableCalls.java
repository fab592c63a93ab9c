package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the API may do about recording calls in progress (the on-demand policy); thread-safe, never blocks. */
@FunctionalInterface
public interface RecordableCalls {
    /**
     * Starts ({@code on}) or stops recording call {@code id}: completes with empty when no such call is in progress,
     * with false when it cannot be recorded (not a bridged, answered call, or no party's policy allows it), else true.
     */
    CompletableFuture<Optional<Boolean>> record(String id, boolean on);
}
