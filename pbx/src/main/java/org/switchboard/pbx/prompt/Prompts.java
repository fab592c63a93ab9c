package org.switchboard.pbx.prompt;

import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;

/**
 * The prompts calls hear, by name ({@code leave-message}, {@code enter-pin}, an uploaded attendant
 * greeting): an installation's uploaded recording when there is one, else the shipped system
 * prompt. Answers from memory (it runs on call executors). Thread-safe.
 */
@FunctionalInterface
public interface Prompts {
    /** The shipped English prompts only. */
    Prompts SYSTEM = SystemPrompts::get;

    /**
     * The prompt called {@code name}.
     *
     * @throws IllegalArgumentException when no prompt has that name
     */
    AudioClip get(String name);
}
