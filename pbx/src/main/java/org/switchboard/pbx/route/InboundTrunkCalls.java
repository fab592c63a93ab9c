package org.switchboard.pbx.route;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.TrunkCalls;
import org.switchboard.pbx.stirshaken.CallNumbers;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.AddressRange;
import org.switchboard.store.trunk.SipTrunk;

/**
 * Which INVITEs are carriers' calls: one whose source address is in an enabled trunk's {@code
 * inbound_addresses} is that trunk's; its DID is the Request-URI's user, its caller the number in
 * P-Asserted-Identity, else From; it goes where {@link InboundRouteService} routes the DID. Any other
 * INVITE is an extension's and is authenticated as before (so a source that belongs to no trunk
 * still needs an extension's credentials). Memory only; thread-safe.
 */
public final class InboundTrunkCalls implements TrunkCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundTrunkCalls.class);

    private final TrunkService trunks;
    private final InboundRouteService routes;

    public InboundTrunkCalls(TrunkService trunks, InboundRouteService routes) {
        this.trunks = trunks;
        this.routes = routes;
    }

    @Override
    public Optional<TrunkCall> recognise(SipRequest invite, InetSocketAddress source) {
        return trunks.list().stream().filter(t -> t.values().enabled() && accepts(t, source)).findFirst().map(trunk -> {
            String did = invite.requestUri() instanceof SipUri uri ? uri.user().orElse("") : "";
            String caller = CallNumbers.of(invite).callers().stream().findFirst().orElse("anonymous");
            TrunkCall call = new TrunkCall(trunk.name(), caller, did, routes.destination(did));
            log.info("trunk call trunk={} did={} caller={} destination={}", trunk.name(), did, caller,
                    call.destination().map(d -> d.kind() + " " + d.target()).orElse("none"));
            return call;
        });
    }

    private static boolean accepts(SipTrunk trunk, InetSocketAddress source) {
        return trunk.values().inboundAddresses().stream()
                .anyMatch(range -> AddressRange.parse(range).contains(source.getAddress()));
    }
}
