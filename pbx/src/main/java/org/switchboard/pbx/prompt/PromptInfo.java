package org.switchboard.pbx.prompt;

import java.time.Duration;

/**
 * A prompt as the API lists it. Immutable.
 *
 * @param uploaded whether an uploaded recording is what calls hear (else the shipped one)
 * @param shipped whether a system prompt has this name (deleting the upload brings it back)
 */
public record PromptInfo(String name, boolean uploaded, boolean shipped, Duration duration) {}
