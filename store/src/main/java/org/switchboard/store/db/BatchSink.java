package org.switchboard.store.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes one batch of a {@link BatchWriter} inside the batch's transaction. Must be idempotent
 * ({@code INSERT ... ON CONFLICT ... DO UPDATE}): a batch that failed is written again. Called
 * only from the writer's own flusher thread.
 */
@FunctionalInterface
public interface BatchSink<T> {
    void write(Handle handle, List<T> batch);
}
