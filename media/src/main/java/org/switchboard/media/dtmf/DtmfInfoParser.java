package org.switchboard.media.dtmf;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the digit of a SIP INFO DTMF body, the two forms phones send:
 * <ul>
 *   <li>{@code application/dtmf-relay} (Cisco's, used by most phones): lines {@code Signal=5} and
 *       {@code Duration=160} (milliseconds), in any order, spaces around {@code =} allowed;</li>
 *   <li>{@code application/dtmf}: the body is the digit itself ({@code 5}), some send the event code
 *       ({@code 10} for {@code *}, {@code 11} for {@code #}).</li>
 * </ul>
 * Anything else (another content type, no signal line, a character that is no DTMF digit) is empty: the caller
 * answers the INFO and ignores it. Lower-case {@code a-d} are accepted as {@code A-D}.
 *
 * <p>Stateless: any thread may call it; it never throws on any body.
 */
public final class DtmfInfoParser {
    private static final int MAX_BODY = 1024;

    private DtmfInfoParser() {}

    /** The digit in {@code body} of media type {@code contentType} (parameters after {@code ;} are ignored). */
    public static Optional<DtmfInfo> parse(String contentType, String body) {
        if (contentType == null || body == null || body.length() > MAX_BODY) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/dtmf-relay" -> relay(body);
            case "application/dtmf" -> digit(body.trim()).map(d -> new DtmfInfo(d, Optional.empty()));
            default -> Optional.empty();
        };
    }

    private static Optional<DtmfInfo> relay(String body) {
        Optional<Character> signal = Optional.empty();
        Optional<Duration> duration = Optional.empty();
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            if (name.equals("signal")) {
                signal = digit(value);
                if (signal.isEmpty()) {
                    return Optional.empty();
                }
            } else if (name.equals("duration")) {
                duration = millis(value);
            }
        }
        Optional<Duration> d = duration;
        return signal.map(s -> new DtmfInfo(s, d));
    }

    private static Optional<Character> digit(String value) {
        if (value.length() == 1) {
            char c = Character.toUpperCase(value.charAt(0));
            return Dtmf.isDigit(c) ? Optional.of(c) : Optional.empty();
        }
        // some phones send the RFC 4733 event code instead of the character: 10 is *, 11 is #
        if (value.equals("10") || value.equals("11")) {
            return Optional.of(Dtmf.digitOf(Integer.parseInt(value)));
        }
        return Optional.empty();
    }

    private static Optional<Duration> millis(String value) {
        if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Integer.parseInt(value)));
    }
}
