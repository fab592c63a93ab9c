package org.switchboard.api.prompt;

import org.switchboard.pbx.prompt.PromptInfo;

/**
 * A prompt as the API lists it.
 *
 * @param source {@code uploaded} when calls hear an upload, else {@code system}
 * @param system whether a shipped prompt has this name (deleting the upload brings it back)
 */
public record PromptView(String name, String source, boolean system, long durationMs) {

    static PromptView of(PromptInfo p) {
        return new PromptView(p.name(), p.uploaded() ? "uploaded" : "system", p.shipped(), p.duration().toMillis());
    }
}
