package org.switchboard.pbx.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;

/**
 * One trunk an outbound call may go through, as the route built it: the INVITE's target (the
 * carrier's resolved address, or its outbound proxy), From and To, its own header fields
 * (P-Asserted-Identity, Route, Identity), the credentials that answer the carrier's challenge and
 * how the body carries the offer. Immutable except for the digest client, which belongs to the
 * call's executor once handed over.
 *
 * @param trunk the trunk's name (channel counting, logs)
 * @param digest the trunk's credentials; empty when the carrier is not to be answered
 * @param body how the INVITE's body carries the SDP offer (an emergency call adds the caller's location)
 */
public record TrunkAttempt(String trunk, OriginateTarget target, NameAddress from, NameAddress to,
        List<Header> headers, Optional<DigestClient> digest, OfferBody body) {

    public TrunkAttempt {
        headers = List.copyOf(headers);
    }

    /** An attempt whose INVITE carries the offer as its whole body. */
    public TrunkAttempt(String trunk, OriginateTarget target, NameAddress from, NameAddress to, List<Header> headers,
            Optional<DigestClient> digest) {
        this(trunk, target, from, to, headers, digest, OfferBody.SDP);
    }

    /** The same attempt with {@code more} header fields after the present ones and its offer carried by {@code carrier}. */
    public TrunkAttempt with(List<Header> more, OfferBody carrier) {
        List<Header> all = new ArrayList<>(headers);
        all.addAll(more);
        return new TrunkAttempt(trunk, target, from, to, all, digest, carrier);
    }
}
