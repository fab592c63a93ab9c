package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header value of RFC 3261 §20.17: rfc1123-date with a two-digit day and "GMT". Java's
 * {@code RFC_1123_DATE_TIME} writes single-digit days, which the SIP grammar does not allow.
 * Stateless; any thread.
 */
final class SipDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SipDate() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
