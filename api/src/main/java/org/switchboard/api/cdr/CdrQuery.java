package org.switchboard.api.cdr;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.db.ValidationException;

/**
 * The query string of the CDR routes turned into a {@link CdrFilter} and paging, each bad value a
 * {@link ValidationException} naming its parameter. {@code from}/{@code to} take an instant
 * ({@code 2026-03-01T09:00:00Z}) or a UTC date: {@code from=2026-03-01} starts at that day's
 * midnight and {@code to=2026-03-01} includes that whole day. Immutable.
 */
record CdrQuery(CdrFilter filter, int limit, long offset) {
    static final int DEFAULT_LIMIT = 50;
    private static final Set<String> FILTERS = Set.of("extension", "from", "to", "disposition");
    private static final Set<String> PAGING = Set.of("limit", "offset");
    // The four-digit years of ISO 8601: far enough for any call, and well inside the epoch
    // milliseconds the store compares (a year like +999999999 overflows them).
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** Filters and paging, for the JSON listing. */
    static CdrQuery paged(Context ctx) {
        rejectUnknown(ctx, true);
        return new CdrQuery(filter(ctx), integer(ctx, "limit", DEFAULT_LIMIT), integer(ctx, "offset", 0));
    }

    /** Filters only, for the CSV export (which has no pages). */
    static CdrFilter unpaged(Context ctx) {
        rejectUnknown(ctx, false);
        return filter(ctx);
    }

    private static CdrFilter filter(Context ctx) {
        String disposition = ctx.queryParam("disposition");
        return new CdrFilter(
                ctx.queryParam("extension"),
                instant(ctx, "from", false),
                instant(ctx, "to", true),
                disposition == null ? null : Disposition.parse(disposition).orElseThrow(() -> new ValidationException(
                        "disposition", "must be one of ANSWERED, NO ANSWER, BUSY, FAILED, CANCELLED")));
    }

    private static void rejectUnknown(Context ctx, boolean paged) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!FILTERS.contains(name) && !(paged && PAGING.contains(name))) {
                throw new ValidationException(name, "is not a known query parameter");
            }
        }
    }

    private static Instant instant(Context ctx, String name, boolean endOfDay) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = Instant.parse(text);
            }
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a UTC date (2026-03-01) or instant (2026-03-01T09:00:00Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(AFTER_LATEST)) {
            throw new ValidationException(name, "must be between the years 0000 and 9999");
        }
        return instant;
    }

    private static int integer(Context ctx, String name, int absent) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }
}
