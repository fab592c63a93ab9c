package org.switchboard.store.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values a webhook subscription is saved with, the secret already sealed by the caller.
 * Validates on construction ({@link ValidationException} naming the field as the API spells it);
 * which event names exist is the PBX's knowledge, checked by its service, so here only their form.
 * Immutable; {@link #toString()} leaves the sealed secret out.
 *
 * @param url the absolute http or https URL each event is POSTed to
 * @param sealedSecret the sealed HMAC secret
 * @param events the event names and {@code prefix.*} patterns the subscription receives
 * @param enabled whether events are delivered
 */
public record NewWebhook(String url, String sealedSecret, List<String> events, boolean enabled) {
    private static final Pattern EVENT = Pattern.compile("[a-z]+(\\.[a-z_]+)*(\\.\\*)?");
    private static final int MAX_URL = 2000;

    public NewWebhook {
        url = Fields.required(url, "url");
        Fields.check(url.length() <= MAX_URL, "url", "must be at most " + MAX_URL + " characters");
        Fields.check(isHttpUrl(url), "url", "must be an absolute http or https URL with a host");
        Fields.check(sealedSecret != null && !sealedSecret.isEmpty() && sealedSecret.length() <= 1024, "secret",
                "is required");
        Fields.check(events != null && !events.isEmpty(), "events", "must name at least one event");
        events = events.stream().map(e -> e == null ? "" : e.strip()).distinct().toList();
        Fields.check(events.size() <= 20, "events", "must name at most 20 events");
        for (String event : events) {
            Fields.check(EVENT.matcher(event).matches(), "events", "is not an event name: '" + event + "'");
        }
        Fields.check(String.join(",", events).length() <= 1000, "events", "is too long");
    }

    /** An absolute {@code http:} or {@code https:} URL with a host; parsed, never looked up. */
    public static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "NewWebhook[url=" + url + ", events=" + events + ", enabled=" + enabled + "]";
    }
}
