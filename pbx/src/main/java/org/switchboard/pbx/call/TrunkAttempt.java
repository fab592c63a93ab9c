package org.switchboard.pbx.call;

import java.util.List;
import java.util.Optional;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;

/**
 * One trunk an outbound call may go through, as the route built it: the INVITE's target (the
 * carrier's resolved address, or its outbound proxy), From and To, its own header fields
 * (P-Asserted-Identity, Route, Identity) and the credentials that answer the carrier's challenge.
 * Immutable except for the digest client, which belongs to the call's executor once handed over.
 *
 * @param trunk the trunk's name (channel counting, logs)
 * @param digest the trunk's credentials; empty when the carrier is not to be answered
 */
public record TrunkAttempt(String trunk, OriginateTarget target, NameAddress from, NameAddress to,
        List<Header> headers, Optional<DigestClient> digest) {

    public TrunkAttempt {
        headers = List.copyOf(headers);
    }
}
