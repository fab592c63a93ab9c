package org.switchboard.api.webhook;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.webhook.Webhook;

/**
 * Response body for one subscription. The secret is never listed; {@code secret} appears only in
 * the answer to a create that had the node generate it, the one time it is shown.
 */
public record WebhookView(long id, String url, List<String> events, boolean enabled, String secret, Instant createdAt,
        Instant updatedAt) {

    static WebhookView of(Webhook w) {
        return withSecret(w, null);
    }

    static WebhookView withSecret(Webhook w, String generatedSecret) {
        return new WebhookView(w.id(), w.values().url(), w.values().events(), w.values().enabled(), generatedSecret,
                w.createdAt(), w.updatedAt());
    }
}
