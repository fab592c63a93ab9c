package org.switchboard.pbx.call;

import java.util.Locale;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Transport;

/**
 * The PBX's Contact for a leg (RFC 3261 §8.1.1.8): the host phones reach it on and the listener
 * port of the leg's transport, so in-dialog requests come back to the B2BUA. Immutable.
 */
final class LocalContact {
    private final SipStack stack;
    private final String host;

    LocalContact(SipStack stack, String host) {
        this.stack = stack;
        this.host = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    NameAddress on(Transport transport) {
        int port = stack.localAddress(transport).getPort();
        String parameters = transport == Transport.UDP ? "" : ";transport=" + transport.viaName().toLowerCase(Locale.ROOT);
        return NameAddress.of(SipUri.parse("sip:" + host + ":" + port + parameters));
    }
}
