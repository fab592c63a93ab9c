package org.switchboard.pbx.stirshaken;

import java.util.Optional;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.TelUri;
import org.switchboard.sip.message.Uri;

/**
 * Telephone numbers in the form a PASSporT carries them (RFC 8224 §8.3): digits only, without
 * the leading {@code +} and without visual separators, so {@code +1 (555) 000-1000} and
 * {@code 15550001000} compare equal. Stateless; any thread.
 */
public final class TelephoneNumbers {
    private TelephoneNumbers() {}

    /** The canonical number of {@code text}; empty when it holds anything but digits and separators. */
    public static Optional<String> canonical(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == '+' && i == 0) && " -.()".indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return digits.isEmpty() ? Optional.empty() : Optional.of(digits.toString());
    }

    /**
     * The number a SIP or tel URI names: a tel URI's number, or a SIP URI's user part up to its
     * first {@code ;} (the user part may carry {@code ;npdi}, {@code ;verstat} and the like).
     * Empty when the URI names no telephone number ({@code sip:alice@host}).
     */
    public static Optional<String> of(Uri uri) {
        return switch (uri) {
            case TelUri tel -> canonical(tel.number());
            case SipUri sip -> sip.user().map(u -> u.indexOf(';') < 0 ? u : u.substring(0, u.indexOf(';')))
                    .flatMap(TelephoneNumbers::canonical);
            default -> Optional.empty();
        };
    }
}
