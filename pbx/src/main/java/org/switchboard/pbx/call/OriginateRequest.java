package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;

/**
 * What an {@link Originate} rings and how. Immutable.
 *
 * @param targets every place to ring at once (at least one); the first to answer wins
 * @param from the caller ID shown to the called party (each INVITE adds its own tag)
 * @param to the called party as its To header names it
 * @param sdp the body sent with each INVITE, the offer (or a {@code multipart/mixed} body carrying it);
 *     empty for an INVITE without SDP (delayed offer)
 * @param headers further header fields of each INVITE (Diversion, session timer, auto-answer...)
 * @param ringTimeout how long the targets may ring before the originate gives up (no answer)
 * @param contentType the body's Content-Type ({@code application/sdp} unless an {@link OfferBody} wrapped it)
 */
public record OriginateRequest(List<OriginateTarget> targets, NameAddress from, NameAddress to, byte[] sdp,
        List<Header> headers, Duration ringTimeout, String contentType) {
    /**
     * The auto-answer request phones understand: {@code Call-Info: answer-after=0} (Yealink,
     * Snom, Grandstream, Polycom with the setting) and {@code Alert-Info: info=alert-autoanswer}
     * (Cisco SPA, older Polycom); a phone honours the one it knows and ignores the other.
     */
    public static final List<Header> AUTO_ANSWER = List.of(
            Header.of("Call-Info", "<sip:pbx>;answer-after=0"),
            Header.of("Alert-Info", "<http://127.0.0.1>;info=alert-autoanswer"));

    /** A request whose body is the SDP offer itself. */
    public OriginateRequest(List<OriginateTarget> targets, NameAddress from, NameAddress to, byte[] sdp,
            List<Header> headers, Duration ringTimeout) {
        this(targets, from, to, sdp, headers, ringTimeout, CallMedia.SDP);
    }

    public OriginateRequest {
        targets = List.copyOf(targets);
        headers = List.copyOf(headers);
        sdp = sdp.clone();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an originate needs at least one target");
        }
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
        }
    }

    /** The same request with {@code more} header fields after the present ones. */
    public OriginateRequest withHeaders(List<Header> more) {
        List<Header> all = new ArrayList<>(headers);
        all.addAll(more);
        return new OriginateRequest(targets, from, to, sdp, all, ringTimeout, contentType);
    }

    @Override
    public byte[] sdp() {
        return sdp.clone();
    }
}
