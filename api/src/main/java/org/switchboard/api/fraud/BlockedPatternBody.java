package org.switchboard.api.fraud;

import org.switchboard.store.fraud.NewBlockedPattern;

/** Body of {@code POST /api/fraud/patterns} and {@code PUT /api/fraud/patterns/{id}}; {@code enabled} omitted: true. */
public record BlockedPatternBody(String prefix, String reason, Boolean enabled) {
    NewBlockedPattern toPattern() {
        return new NewBlockedPattern(prefix, reason, enabled == null || enabled);
    }
}
