package org.switchboard.pbx.call.timer;

import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Agrees a session interval on each leg (RFC 4028): as the UAS of the caller's INVITE (grant it,
 * shortened to ours, or refuse a too-small one with 422; no timer for a caller that neither asks
 * nor supports one), and as the UAC of the INVITE to the callee (offer ours, read what the callee
 * granted). Stateless; any thread.
 */
public final class SessionTimerNegotiation {
    static final String MIN_SE = "Min-SE";
    private static final String TIMER = "timer";

    private final SessionTimerSettings settings;

    public SessionTimerNegotiation(SessionTimerSettings settings) {
        this.settings = settings;
    }

    /** What the PBX, as UAS, answers to an INVITE's session-timer headers. */
    public sealed interface Answer {
        /** Refuse with 422 naming the smallest interval the PBX accepts (RFC 4028 §8.1). */
        record TooSmall(Duration minSe) implements Answer {}

        /** Refuse with 400: a Session-Expires or Min-SE the PBX cannot read. */
        record Malformed(String reason) implements Answer {}

        /**
         * Run a session timer of {@code expires} (refresher always set); {@code require} says the
         * 2xx carries {@code Require: timer} because the caller supports the extension (§9).
         */
        record Granted(SessionExpires expires, boolean require) implements Answer {}

        /** The caller neither asked for a session timer nor supports one: none on this leg. */
        record NotUsed() implements Answer {}
    }

    /** The answer to {@code invite}'s Session-Expires, Min-SE and Supported headers (RFC 4028 §9). */
    public Answer asUas(SipRequest invite) {
        Optional<String> seHeader = invite.headers().first(HeaderName.SESSION_EXPIRES);
        Optional<SessionExpires> requested = seHeader.flatMap(SessionExpires::parse);
        if (seHeader.isPresent() && requested.isEmpty()) {
            return new Answer.Malformed("Bad Session-Expires");
        }
        Optional<String> minSeHeader = invite.headers().first(MIN_SE);
        Optional<Duration> requestMinSe = minSeHeader.flatMap(SessionExpires::seconds);
        if (minSeHeader.isPresent() && requestMinSe.isEmpty()) {
            return new Answer.Malformed("Bad Min-SE");
        }
        if (requested.isPresent() && requested.get().interval().compareTo(settings.minSe()) < 0) {
            return new Answer.TooSmall(settings.minSe());
        }
        Duration floor = max(settings.minSe(), requestMinSe.orElse(SessionTimerSettings.RFC_MIN_SE));
        // §9: the UAS may shorten the interval, never below the request's Min-SE.
        Duration interval = max(floor, requested.map(r -> min(r.interval(), settings.sessionExpires()))
                .orElse(settings.sessionExpires()));
        boolean callerSupports = supportsTimer(invite);
        if (requested.isEmpty() && !callerSupports) {
            // §9 would let the PBX refresh a phone that knows nothing of timers; it does not impose one.
            return new Answer.NotUsed();
        }
        // §9: a caller without the extension cannot refresh, so the PBX does; otherwise the caller's
        // choice stands, and with none the caller refreshes (the phone knows when it can).
        Refresher refresher = callerSupports ? requested.flatMap(SessionExpires::refresher).orElse(Refresher.UAC) : Refresher.UAS;
        return new Answer.Granted(new SessionExpires(interval, Optional.of(refresher)), callerSupports);
    }

    /** The 422 for a too-small interval, naming the PBX's Min-SE. */
    public static SipResponse tooSmall(SipRequest invite, Answer.TooSmall answer) {
        return invite.createResponse(422, "Session Interval Too Small").withHeader(MIN_SE, Long.toString(answer.minSe().toSeconds()));
    }

    /** {@code ok} (the 2xx to the caller's INVITE) with the granted Session-Expires, and Require: timer when the caller supports it. */
    public static SipResponse grant(SipResponse ok, Answer.Granted granted) {
        SipResponse out = ok.withHeader(HeaderName.SESSION_EXPIRES, granted.expires().toString());
        return granted.require() ? out.withHeader(HeaderName.REQUIRE, TIMER) : out;
    }

    /** The header fields of an INVITE to a callee that offer the PBX's interval, its Min-SE and support for the extension (RFC 4028 §7.1). */
    public List<Header> offerHeaders() {
        return List.of(Header.of(HeaderName.SUPPORTED, TIMER),
                Header.of(HeaderName.SESSION_EXPIRES, Long.toString(settings.sessionExpires().toSeconds())),
                Header.of(MIN_SE, Long.toString(settings.minSe().toSeconds())));
    }

    /**
     * What the callee granted in its 2xx to our INVITE (§7.2): the interval and refresher, or
     * empty when the 2xx has no Session-Expires (no timer on that leg). A 2xx that names no
     * refresher leaves it to the PBX (uac).
     */
    public static Optional<SessionExpires> granted(SipResponse ok) {
        return ok.headers().first(HeaderName.SESSION_EXPIRES).flatMap(SessionExpires::parse)
                .map(se -> new SessionExpires(se.interval(), Optional.of(se.refresher().orElse(Refresher.UAC))));
    }

    /** Whether {@code message} says its sender supports session timers (Supported or Require: timer). */
    static boolean supportsTimer(SipMessage message) {
        return message.headers().values(HeaderName.SUPPORTED).stream()
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(TIMER))
                || message.headers().values(HeaderName.REQUIRE).stream()
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(TIMER));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
