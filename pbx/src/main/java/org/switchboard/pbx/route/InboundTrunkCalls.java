package org.switchboard.pbx.route;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.TrunkCalls;
import org.switchboard.pbx.stirshaken.CallNumbers;
import org.switchboard.pbx.stirshaken.InboundIdentityCheck;
import org.switchboard.sip.message.HeaderName;
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
 * still needs an extension's credentials). With verification configured its Identity header is
 * checked ({@link InboundIdentityCheck}) and the phones are sent the caller marked with {@code verstat}.
 * Recognising reads memory only; thread-safe.
 */
public final class InboundTrunkCalls implements TrunkCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundTrunkCalls.class);

    private final TrunkService trunks;
    private final InboundRouteService routes;
    private final Optional<InboundIdentityCheck> identity;

    /** @param identity the STIR/SHAKEN check; empty when verification is off (calls pass as the carrier sent them) */
    public InboundTrunkCalls(TrunkService trunks, InboundRouteService routes, Optional<InboundIdentityCheck> identity) {
        this.trunks = trunks;
        this.routes = routes;
        this.identity = identity;
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

    @Override
    public void screen(SipRequest invite, Executor executor, Consumer<Screening> then) {
        if (identity.isEmpty()) {
            executor.execute(() -> then.accept(new Screening.Admit(asserted(invite))));
            return;
        }
        identity.get().check(invite, executor, outcome -> then.accept(switch (outcome) {
            case InboundIdentityCheck.Proceed proceed -> new Screening.Admit(asserted(proceed.invite()));
            case InboundIdentityCheck.Refuse refuse -> new Screening.Refuse(refuse.status(), refuse.reason());
        }));
    }

    /** The P-Asserted-Identity the phones are shown: the carrier's, as it is (or as verification marked it). */
    private static Optional<String> asserted(SipRequest invite) {
        List<String> identities = invite.headers().values(HeaderName.P_ASSERTED_IDENTITY);
        return identities.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", identities));
    }

    private static boolean accepts(SipTrunk trunk, InetSocketAddress source) {
        return trunk.values().inboundAddresses().stream()
                .anyMatch(range -> AddressRange.parse(range).contains(source.getAddress()));
    }
}
