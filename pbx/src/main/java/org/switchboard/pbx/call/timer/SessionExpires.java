package org.switchboard.pbx.call.timer;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.sip.message.ParameterizedValue;
import org.switchboard.sip.message.SipParseException;

/**
 * A Session-Expires header value (RFC 4028 §4): the session interval and, when given, who
 * refreshes. Immutable.
 */
public record SessionExpires(Duration interval, Optional<Refresher> refresher) {

    /** Parses {@code delta-seconds [;refresher=uac|uas]}; empty when the value is not of that shape. */
    public static Optional<SessionExpires> parse(String value) {
        try {
            ParameterizedValue v = ParameterizedValue.parse(value.strip());
            Optional<Duration> interval = seconds(v.value());
            Optional<String> refresher = v.parameters().get("refresher");
            if (interval.isEmpty() || (refresher.isPresent() && Refresher.parse(refresher.get()).isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new SessionExpires(interval.get(), refresher.flatMap(Refresher::parse)));
        } catch (SipParseException e) {
            return Optional.empty();
        }
    }

    /** A delta-seconds value (RFC 3261 §25.1: 1*DIGIT), as Session-Expires and Min-SE carry it; empty when it is not one. */
    static Optional<Duration> seconds(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
    }

    @Override
    public String toString() {
        return interval.toSeconds() + refresher.map(r -> ";refresher=" + r.key()).orElse("");
    }
}
