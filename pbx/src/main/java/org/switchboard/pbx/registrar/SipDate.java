package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header value of RFC 3261 §20.17: rfc1123-date with a two-digit day and "GMT". Java's
 * {@code RFC_1123_DATE_TIME} writes single-digit days, which the SIP grammar does not allow.
 * Every 200 OK to a REGISTER carries one, so the text of the current second is kept and reused.
 * Any thread: the cache is one immutable pair behind a volatile field, and a race only formats twice.
 */
final class SipDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Formatted(long epochSecond, String text) {}

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private SipDate() {}

    static String format(Instant instant) {
        Formatted f = last;
        if (f.epochSecond() != instant.getEpochSecond()) {
            f = new Formatted(instant.getEpochSecond(), FORMAT.format(instant));
            last = f;
        }
        return f.text();
    }
}
