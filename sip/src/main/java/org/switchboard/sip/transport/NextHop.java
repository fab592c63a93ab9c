package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipUri;

/**
 * Where to send a request addressed to a SIP URI: transport from {@code sips:} or the {@code
 * transport} parameter, address from the host and port (RFC 3263 §4 without DNS). Only IP
 * literals are accepted, because a name lookup here would block the caller's executor; a URI with
 * a host name gets an {@link IllegalArgumentException}. Immutable; any thread.
 */
public record NextHop(Transport transport, InetSocketAddress address) {

    /** The next hop for {@code uri}; UDP unless the URI says otherwise. */
    public static NextHop of(SipUri uri) {
        Transport transport = uri.secure() ? Transport.TLS
                : uri.transport().map(t -> Transport.fromViaName(t.toUpperCase(Locale.ROOT))).orElse(Transport.UDP);
        int port = uri.port().orElse(transport.defaultPort());
        return new NextHop(transport, new InetSocketAddress(literal(uri.host()), port));
    }

    private static InetAddress literal(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9a-fA-F:.]+") || !(bare.contains(".") || bare.contains(":"))) {
            throw new IllegalArgumentException("host needs DNS, which the stack does not do yet: " + host);
        }
        try {
            return InetAddress.getByName(bare); // an IP literal: parsed, never looked up
        } catch (UnknownHostException | SipParseException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }
}
