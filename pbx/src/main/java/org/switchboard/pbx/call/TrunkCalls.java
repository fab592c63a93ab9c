package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.sip.message.SipRequest;

/**
 * Recognises INVITEs that carriers send through trunks: such a call is not an extension's and is
 * not challenged; it goes to the destination its DID routes to. Implemented by the inbound routes
 * (pbx.route); memory only, called on the INVITE's executor.
 */
public interface TrunkCalls {
    /** No trunks: every INVITE is an extension's. */
    TrunkCalls NONE = (invite, source) -> Optional.empty();

    /**
     * An INVITE from a trunk, as routed.
     *
     * @param trunk the trunk's name (the CDR's caller authentication, logs)
     * @param caller the calling number (P-Asserted-Identity, else From)
     * @param did the number called
     * @param destination where the DID routes; empty when neither it nor a default has a route (404)
     */
    record TrunkCall(String trunk, String caller, String did, Optional<Destination> destination) {}

    /** The trunk call {@code invite} from {@code source} is, or empty when it comes from no trunk. */
    Optional<TrunkCall> recognise(SipRequest invite, InetSocketAddress source);
}
