package org.switchboard.api.webhook;

import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.webhook.WebhookInput;
import org.switchboard.store.db.Fields;

/**
 * Request body of {@code POST /api/webhooks} and {@code PUT /api/webhooks/{id}}: {@code url} and
 * {@code events} are required; without {@code secret} a create has the node generate one (answered
 * once) and an update keeps the stored one; {@code enabled} defaults to true. {@link #toString()}
 * hides the secret.
 */
public record WebhookBody(String url, String secret, List<String> events, Boolean enabled) {

    WebhookInput toInput() {
        Fields.required(url, "url");
        Fields.check(events != null, "events", "is required");
        return new WebhookInput(url, Optional.ofNullable(secret).filter(s -> !s.isEmpty()), events,
                enabled == null || enabled);
    }

    @Override
    public String toString() {
        return "WebhookBody[url=" + url + ", secret=***, events=" + events + ", enabled=" + enabled + "]";
    }
}
