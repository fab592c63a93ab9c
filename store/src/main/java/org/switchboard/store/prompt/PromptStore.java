package org.switchboard.store.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rows of uploaded prompts, written through: each method is one transaction, committed when it
 * returns. The files themselves are the prompt service's. Thread-safe; never call from an event
 * loop or a call thread. Every method may throw {@link org.switchboard.store.db.UnavailableException}.
 */
public interface PromptStore {

    /** Every uploaded prompt, by name. */
    List<UploadedPrompt> list();

    /** The uploaded prompt called {@code name}, if any. */
    Optional<UploadedPrompt> find(String name);

    /**
     * Stores {@code prompt}, replacing the row of the same name; returns the new row and the row it
     * replaced (whose file the caller may now delete).
     */
    Saved save(NewPrompt prompt, Instant now);

    /** Removes the row called {@code name}; returns it, empty when there was none. */
    Optional<UploadedPrompt> delete(String name);

    /** A saved row and the one it replaced. */
    record Saved(UploadedPrompt prompt, Optional<UploadedPrompt> replaced) {}
}
