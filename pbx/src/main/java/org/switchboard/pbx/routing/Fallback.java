package org.switchboard.pbx.routing;

import java.time.Duration;

/**
 * Where a ringing call goes next when the rung extension is busy or does not answer: call control
 * hands it back to {@link CallRouter#follow} when that happens. {@code after} is how long to ring
 * before giving up for {@link ForwardReason#NO_ANSWER} (the extension's no-answer time), zero for
 * {@link ForwardReason#BUSY}. Immutable.
 */
public record Fallback(ForwardReason reason, String target, Duration after) {}
