package org.switchboard.pbx.provisioning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spells a time zone the ways phone configurations want it: a standard offset in hours
 * ({@code +1}, {@code +5:30}), {@code GMT+01:00}, seconds, and a POSIX {@code TZ} string
 * (IEEE Std 1003.1, XBD §8.3) that carries the daylight-saving rules; stateless, any thread.
 */
public final class TimeZoneFormats {

    private static final Pattern ALPHA_NAME = Pattern.compile("[A-Za-z]{3,6}");

    private TimeZoneFormats() {}

    /** The standard (winter) offset in effect at {@code now}. */
    public static ZoneOffset standardOffset(ZoneId zone, Instant now) {
        return zone.getRules().getStandardOffset(now);
    }

    /** {@code +1}, {@code -3:30}, {@code +5:45}, {@code 0}: Yealink's {@code local_time.time_zone} form. */
    public static String hours(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        if (total == 0) {
            return "0";
        }
        int abs = Math.abs(total);
        String sign = total < 0 ? "-" : "+";
        int minutes = abs / 60 % 60;
        return sign + abs / 3600 + (minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes));
    }

    /** {@code GMT+01:00}, {@code GMT-03:30}, {@code GMT+00:00}: Cisco's {@code Time_Zone} form. */
    public static String gmt(ZoneOffset offset) {
        return "GMT" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }

    /** Whether the zone currently moves its clocks for daylight saving. */
    public static boolean observesDaylightSaving(ZoneId zone) {
        return !zone.getRules().getTransitionRules().isEmpty();
    }

    /**
     * The POSIX TZ string, e.g. {@code CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00}; empty when
     * the zone's current rules cannot be written that way (a rule like "first Friday on or
     * after the 23rd" has no {@code Mm.w.d} form).
     */
    public static Optional<String> posix(ZoneId zone, Instant now) {
        ZoneRules rules = zone.getRules();
        ZoneOffset standard = rules.getStandardOffset(now);
        String std = name(zone, false, standard) + posixOffset(standard);
        List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
        if (transitions.isEmpty()) {
            return Optional.of(std);
        }
        if (transitions.size() != 2) {
            return Optional.empty();
        }
        // Daylight saving starts where the offset grows (southern zones list their rules in another order).
        boolean firstStarts = transitions.get(0).getOffsetAfter().getTotalSeconds()
                > transitions.get(0).getOffsetBefore().getTotalSeconds();
        ZoneOffsetTransitionRule start = firstStarts ? transitions.get(0) : transitions.get(1);
        ZoneOffsetTransitionRule end = firstStarts ? transitions.get(1) : transitions.get(0);
        ZoneOffset daylight = start.getOffsetAfter();
        Optional<String> startRule = rule(start);
        Optional<String> endRule = rule(end);
        if (startRule.isEmpty() || endRule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(std + name(zone, true, daylight) + posixOffset(daylight)
                + "," + startRule.get() + "," + endRule.get());
    }

    private static String name(ZoneId zone, boolean daylight, ZoneOffset offset) {
        String name = java.util.TimeZone.getTimeZone(zone).getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.US);
        if (ALPHA_NAME.matcher(name).matches()) {
            return name;
        }
        // POSIX allows a quoted numeric name where no alphabetic abbreviation exists.
        return "<" + offset.getId().replace(":", "").replace("Z", "+00") + ">";
    }

    // POSIX counts the offset west of Greenwich: UTC+1 is written -1.
    private static String posixOffset(ZoneOffset offset) {
        int west = -offset.getTotalSeconds();
        int abs = Math.abs(west);
        String sign = west < 0 ? "-" : "";
        int minutes = abs / 60 % 60;
        return sign + abs / 3600 + (minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes));
    }

    private static Optional<String> rule(ZoneOffsetTransitionRule r) {
        if (r.getDayOfWeek() == null) {
            return Optional.empty();
        }
        // java.time says "day-of-week on or after day d" (or on or before the month's end for -1);
        // POSIX says "the w-th day-of-week of the month", with 5 meaning the last one.
        int indicator = r.getDayOfMonthIndicator();
        int week;
        if (indicator == -1 || indicator == r.getMonth().length(false) - 6) {
            week = 5;
        } else if (indicator > 0 && (indicator - 1) % 7 == 0 && indicator <= 22) {
            week = (indicator - 1) / 7 + 1;
        } else {
            return Optional.empty();
        }
        LocalTime wall = r.isMidnightEndOfDay() ? LocalTime.MIDNIGHT : r.getLocalTime();
        LocalDateTime local = r.getTimeDefinition().createDateTime(
                LocalDateTime.of(LocalDate.of(2001, 1, 2), wall), r.getStandardOffset(), r.getOffsetBefore());
        int hour = local.getHour() + (r.isMidnightEndOfDay() ? 24 : 0);
        int dow = r.getDayOfWeek().getValue() % 7; // POSIX: 0 = Sunday
        return Optional.of(String.format(Locale.ROOT, "M%d.%d.%d/%02d:%02d:%02d",
                r.getMonth().getValue(), week, dow, hour, local.getMinute(), local.getSecond()));
    }
}
