package org.switchboard.pbx.call;

import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.Uri;
import org.switchboard.sip.transport.NextHop;

/**
 * One place an {@link Originate} sends an INVITE: the Request-URI and where it goes. Immutable.
 *
 * @param requestUri the INVITE's Request-URI
 * @param hop the transport and address it is sent to
 */
public record OriginateTarget(Uri requestUri, NextHop hop) {

    /** A registered phone: its contact, reached over the flow it registered from (its NAT binding included). */
    public static OriginateTarget of(Binding binding) {
        return new OriginateTarget(binding.contact(), new NextHop(binding.flow().transport(), binding.flow().remote()));
    }

    /**
     * A SIP URI with an IP-literal host (a gateway, a phone not registered here); {@link
     * IllegalArgumentException} for a host name, which would need a DNS lookup the stack does not do.
     */
    public static OriginateTarget of(SipUri uri) {
        return new OriginateTarget(uri, NextHop.of(uri));
    }
}
