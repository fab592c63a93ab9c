package org.switchboard.pbx.trunk;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.trunk.NewSipTrunk;

/**
 * Where a trunk's requests go and how they name the carrier, for every request sent to it
 * (REGISTER, OPTIONS, INVITE): the carrier's URI, the host and port to resolve (the outbound
 * proxy's when there is one, RFC 3263 on the first Route), and the Route header towards the
 * proxy. Immutable.
 */
public record TrunkAddress(NewSipTrunk trunk) {

    /** The trunk's transport. */
    public Transport transport() {
        return Transport.fromViaName(trunk.transport().toUpperCase(Locale.ROOT));
    }

    /** {@code sip:[user@]host[:port][;transport=x]}: the carrier's URI, the registrar's when without user. */
    public SipUri carrierUri(Optional<String> user) {
        String port = trunk.port().isPresent() ? ":" + trunk.port().getAsInt() : "";
        return SipUri.parse("sip:" + user.map(u -> u + "@").orElse("") + bracketed(trunk.host()) + port
                + transportParameter());
    }

    /** The host to resolve for the next hop: the outbound proxy's, else the carrier's. */
    public String hopHost() {
        return trunk.outboundProxy().map(TrunkAddress::hostOf).orElse(trunk.host());
    }

    /** The port of the next hop, when given; empty to look it up (DNS SRV, else the transport's default). */
    public OptionalInt hopPort() {
        return trunk.outboundProxy().map(TrunkAddress::portOf).orElse(trunk.port());
    }

    /** {@code Route: <sip:proxy;lr>} when the trunk has an outbound proxy. */
    public Optional<NameAddress> route() {
        return trunk.outboundProxy().map(p -> NameAddress.of(SipUri.parse("sip:" + p + ";lr")));
    }

    /** {@code ;transport=x} for a transport other than UDP, else nothing. */
    public String transportParameter() {
        return transport() == Transport.UDP ? "" : ";transport=" + trunk.transport();
    }

    /** An IPv6 literal in brackets, as a URI's host part needs it. */
    public static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String hostOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && hostPort.indexOf(':') == colon ? hostPort.substring(0, colon) : hostPort;
    }

    private static OptionalInt portOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && hostPort.indexOf(':') == colon
                ? OptionalInt.of(Integer.parseInt(hostPort.substring(colon + 1))) : OptionalInt.empty();
    }
}
