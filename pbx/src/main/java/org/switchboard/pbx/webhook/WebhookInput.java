package org.switchboard.pbx.webhook;

import java.util.List;
import java.util.Optional;

/**
 * A subscription as an admin writes it (API), the secret in clear. No secret on create has the
 * node generate one (answered once); none on update keeps the stored one. Immutable; {@link
 * #toString()} hides the secret.
 */
public record WebhookInput(String url, Optional<String> secret, List<String> events, boolean enabled) {

    @Override
    public String toString() {
        return "WebhookInput[url=" + url + ", secret=" + (secret.isPresent() ? "***" : "unchanged") + ", events="
                + events + ", enabled=" + enabled + "]";
    }
}
