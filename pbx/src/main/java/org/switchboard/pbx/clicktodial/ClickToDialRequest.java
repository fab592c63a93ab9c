package org.switchboard.pbx.clicktodial;

import java.util.Optional;

/**
 * A click-to-dial as the API asks for it. Immutable; checked by {@link ClickToDial#dial}.
 *
 * @param from the extension whose phones ring first
 * @param to what {@code from} calls, as it would dial it
 * @param autoAnswer whether {@code from}'s phones are asked to answer by themselves
 * @param callerId what {@code from}'s phones show as calling; empty for {@code to}
 */
public record ClickToDialRequest(String from, String to, boolean autoAnswer, Optional<String> callerId) {}
