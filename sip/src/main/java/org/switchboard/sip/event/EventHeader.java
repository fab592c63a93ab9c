package org.switchboard.sip.event;

import java.util.Locale;
import java.util.Optional;
import org.switchboard.sip.message.SipParseException;

/**
 * An Event header (RFC 6665 §8.2.1): the package name, lower-cased (names compare
 * case-insensitively), and the {@code id} parameter that tells subscriptions of one dialog apart.
 * Immutable.
 */
public record EventHeader(String packageName, Optional<String> id) {

    /** Reads {@code message-summary;id=7}; a SipParseException when no package name is there. */
    public static EventHeader parse(String value) {
        String[] parts = value.split(";");
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new SipParseException("Event without a package name");
        }
        Optional<String> id = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("id")) {
                id = Optional.of(pair[1].trim());
            }
        }
        return new EventHeader(name, id);
    }

    /** The header value to send back in NOTIFYs of this subscription. */
    @Override
    public String toString() {
        return packageName + id.map(i -> ";id=" + i).orElse("");
    }
}
