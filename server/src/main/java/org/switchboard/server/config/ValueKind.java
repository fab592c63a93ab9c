package org.switchboard.server.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.sip.transport.AddressRange;

/**
 * The type of one configuration value, with the rule its text must follow. Stateless; any thread.
 */
enum ValueKind {
    /** Any text, empty allowed. */
    TEXT,
    /** A file or folder path; not blank (a blank path would silently mean the working directory). */
    PATH,
    /** A TCP/UDP port, 1..65535. */
    PORT,
    /** A port, or 0 for one chosen by the operating system (logged at start). */
    PORT_OR_ANY,
    /** A positive whole number no larger than 200 (connection pool sizes). */
    POOL_SIZE,
    /** A thread count, 1..256. */
    THREADS,
    /** An IP address or host name to bind or announce. */
    HOST,
    /** A JDBC URL for SQLite or PostgreSQL. */
    JDBC_URL,
    /** {@code normal} or {@code full}. */
    SQLITE_SYNCHRONOUS,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A positive length of time: a whole number and a unit, {@code s}, {@code m}, {@code h} or {@code d} ({@code 12h}). */
    DURATION,
    /** A time zone of the tz database ({@code Europe/Berlin}, {@code UTC}). */
    TIME_ZONE,
    /** A whole number from 1 to 1,000,000 (limits and thresholds). */
    COUNT,
    /** A whole number from 0 (off) to 1,000,000. */
    COUNT_OR_OFF,
    /** Comma-separated IP addresses or CIDR ranges ({@code 10.0.0.0/8, 192.0.2.7}); empty for none. */
    ADDRESS_RANGES,
    /** A count of attempts, 1..1000. */
    ATTEMPTS,
    /** A bearer token (RFC 6750 b64token characters), 16 to 256 characters. */
    BEARER_TOKEN;

    // Host names per RFC 1123 §2.1 labels, or IPv4/IPv6 literals (checked loosely; the socket has the last word).
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern BEARER_TOKEN_TEXT = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final Pattern DURATION_TEXT = Pattern.compile("([1-9][0-9]{0,8})([smhd])");

    /** Why {@code text} is not a valid value of this kind; empty when it is. */
    Optional<String> check(String text) {
        return switch (this) {
            case TEXT -> Optional.empty();
            case PATH -> text.isBlank() ? Optional.of("must name a folder, got a blank value") : Optional.empty();
            case PORT -> integerIn(text, 1, 65_535);
            case PORT_OR_ANY -> integerIn(text, 0, 65_535);
            case POOL_SIZE -> integerIn(text, 1, 200);
            case THREADS -> integerIn(text, 1, 256);
            case HOST -> text.length() <= 253 && (HOST_NAME.matcher(text).matches()
                    || (text.contains(":") && IPV6.matcher(text).matches()))
                    ? Optional.empty()
                    : Optional.of("must be an IP address or host name, got '" + text + "'");
            case JDBC_URL -> {
                String lower = text.toLowerCase(Locale.ROOT);
                yield lower.startsWith("jdbc:sqlite:") || lower.startsWith("jdbc:postgresql:")
                        ? Optional.empty()
                        : Optional.of("must start with jdbc:sqlite: or jdbc:postgresql:");
            }
            case SQLITE_SYNCHRONOUS -> text.equals("normal") || text.equals("full")
                    ? Optional.empty()
                    : Optional.of("must be 'normal' or 'full', got '" + text + "'");
            case BOOLEAN -> text.equals("true") || text.equals("false")
                    ? Optional.empty()
                    : Optional.of("must be true or false, got '" + text + "'");
            case DURATION -> DURATION_TEXT.matcher(text.strip()).matches()
                    ? Optional.empty()
                    : Optional.of("must be a positive whole number with a unit s, m, h or d (e.g. 12h), got '" + text + "'");
            case TIME_ZONE -> ZoneId.getAvailableZoneIds().contains(text.strip()) || text.strip().equals("UTC")
                    ? Optional.empty()
                    : Optional.of("must be a time zone such as Europe/Berlin or UTC, got '" + text + "'");
            case COUNT -> integerIn(text, 1, 1_000_000);
            case COUNT_OR_OFF -> integerIn(text, 0, 1_000_000);
            case ADDRESS_RANGES -> addressRangeProblem(text);
            case ATTEMPTS -> integerIn(text, 1, 1000);
            // The value is a secret: the message never repeats it.
            case BEARER_TOKEN -> BEARER_TOKEN_TEXT.matcher(text).matches()
                    ? Optional.empty()
                    : Optional.of("must be 16 to 256 characters of letters, digits and - . _ ~ + / = (e.g. from openssl rand -hex 32)");
        };
    }

    /** The length of time a {@link #DURATION} text names; call only on text that {@link #check} accepted. */
    static Duration duration(String text) {
        Matcher m = DURATION_TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The ranges an {@link #ADDRESS_RANGES} text names; call only on text that {@link #check} accepted. */
    static List<AddressRange> addressRanges(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).map(AddressRange::parse)
                .toList();
    }

    private static Optional<String> addressRangeProblem(String text) {
        try {
            addressRanges(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be IP addresses or CIDR ranges separated by commas: " + e.getMessage());
        }
    }

    private static Optional<String> integerIn(String text, int min, int max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return Optional.of("must be a whole number between " + min + " and " + max + ", got '" + text + "'");
        }
        return value < min || value > max
                ? Optional.of("must be between " + min + " and " + max + ", got " + value)
                : Optional.empty();
    }
}
