package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.OriginateTarget;
import org.switchboard.pbx.call.TrunkAttempt;
import org.switchboard.pbx.call.TrunkDial;
import org.switchboard.pbx.provisioning.SealedSecretException;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.stirshaken.AttestationRule.CallSource;
import org.switchboard.pbx.stirshaken.IdentityHeader;
import org.switchboard.pbx.stirshaken.StirShaken;
import org.switchboard.pbx.trunk.TrunkAddress;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.store.route.OutboundRoute;
import org.switchboard.store.trunk.SipTrunk;

/**
 * The application of kind {@code outbound}: builds the number from the route's {@code dial}
 * ({@code $1} is what the rule's first group captured, else the whole dialled string), orders the
 * route's trunks ({@link TrunkOrder}), resolves each carrier (DNS on the resolver's loop, the
 * answer posted back to the call), and relays the caller to them ({@link IncomingCall#relay}) with
 * one INVITE per trunk tried: {@code sip:<number>@<carrier>}, From and P-Asserted-Identity the
 * route's caller ID (else the caller's extension) at the carrier's domain, the trunk's credentials
 * for its challenges, and with a STIR/SHAKEN signer an {@code Identity} header of its own.
 *
 * <p>{@code start} runs on the call's executor and never blocks; the password is opened and the
 * PASSporT signed there (CPU only).
 */
public final class OutboundApplication implements Application {
    private static final Logger log = LoggerFactory.getLogger(OutboundApplication.class);

    private final OutboundRouteService routes;
    private final TrunkOrder order;
    private final TrunkService trunks;
    private final SipServerResolver resolver;
    private final StirShaken stirShaken;
    private final TrunkDial.Channels channels;
    private final Clock clock;
    private final Duration ringTimeout;
    private final OutboundCheck check;

    /**
     * @param clock the clock and the server's time zone rates' times of day are read in
     * @param ringTimeout how long a trunk may ring before the call gives up
     * @param check what may refuse the call before a trunk is tried (fraud control)
     */
    public OutboundApplication(OutboundRouteService routes, TrunkOrder order, TrunkService trunks,
            SipServerResolver resolver, StirShaken stirShaken, TrunkDial.Channels channels, Clock clock,
            Duration ringTimeout, OutboundCheck check) {
        this.routes = routes;
        this.order = order;
        this.trunks = trunks;
        this.resolver = resolver;
        this.stirShaken = stirShaken;
        this.channels = channels;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.check = check;
    }

    /** The number a route sends for what was dialled: {@code dial} with {@code $1} replaced by {@code captured}. */
    public static String number(String dial, String captured) {
        return dial.replace("$1", captured);
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        Optional<OutboundRoute> route = routes.find(destination.target());
        if (route.isEmpty()) {
            call.refuse(404, "No Such Outbound Route");
            return;
        }
        String number = number(route.get().values().dial(), destination.argument().orElse(call.dialled()));
        Optional<OutboundCheck.Refusal> refused = check.check(call.caller(), number);
        if (refused.isPresent()) {
            call.refuse(refused.get().status(), refused.get().reason());
            return;
        }
        List<SipTrunk> tried = order.order(route.get().values(), number, ZonedDateTime.now(clock)).stream()
                .filter(TrunkChoice::tried)
                .flatMap(c -> trunks.find(c.trunk()).stream())
                .toList();
        if (tried.isEmpty()) {
            call.refuse(503, "No Trunk Available");
            return;
        }
        String callerId = route.get().values().callerId().orElse(call.caller());
        List<CompletableFuture<Optional<NextHop>>> hops = tried.stream().map(this::resolve).toList();
        CompletableFuture.allOf(hops.toArray(CompletableFuture[]::new)).whenComplete((done, failure) ->
                call.executor().execute(() -> {
                    List<TrunkAttempt> attempts = new ArrayList<>();
                    for (int i = 0; i < tried.size(); i++) {
                        SipTrunk trunk = tried.get(i);
                        hops.get(i).join().flatMap(hop -> attempt(trunk, hop, number, callerId, call.caller()))
                                .ifPresent(attempts::add);
                    }
                    if (attempts.isEmpty()) {
                        call.refuse(503, "No Trunk Available");
                    } else {
                        call.relay(new TrunkDial(number, attempts, ringTimeout, channels));
                    }
                }));
    }

    /** The carrier's (or its proxy's) first address; empty, and logged, when it cannot be resolved. */
    private CompletableFuture<Optional<NextHop>> resolve(SipTrunk trunk) {
        TrunkAddress address = new TrunkAddress(trunk.values());
        return resolver.resolve(address.hopHost(), address.hopPort(), address.transport())
                .thenApply(hops -> hops.stream().findFirst())
                .exceptionally(e -> {
                    log.warn("trunk skipped trunk={} reason=cannot resolve: {}", trunk.name(), e.getMessage());
                    return Optional.empty();
                });
    }

    private Optional<TrunkAttempt> attempt(SipTrunk trunk, NextHop hop, String number, String callerId, String extension) {
        TrunkAddress address = new TrunkAddress(trunk.values());
        Optional<DigestClient> digest;
        try {
            Optional<String> password = trunks.password(trunk);
            digest = trunk.values().username().map(u -> new DigestClient(u, new ClientSecret.Password(password.orElse(""))));
        } catch (SealedSecretException e) {
            log.warn("trunk skipped trunk={} reason=password does not open: {}", trunk.name(), e.getMessage());
            return Optional.empty();
        }
        String domain = TrunkAddress.bracketed(trunk.values().host());
        SipUri requestUri = address.carrierUri(Optional.of(number));
        NameAddress caller = NameAddress.of(SipUri.of(callerId, domain));
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("P-Asserted-Identity", caller.toString()));
        address.route().ifPresent(r -> headers.add(Header.of("Route", r.toString())));
        stirShaken.signer().ifPresent(signer -> {
            IdentityHeader identity = signer.sign(stirShaken.attestation().attest(CallSource.EXTENSION, callerId),
                    callerId, number, clock.instant());
            headers.add(Header.of(IdentityHeader.NAME, identity.toString()));
        });
        log.debug("trunk attempt built trunk={} number={} caller_id={} extension={}", trunk.name(), number, callerId,
                extension);
        return Optional.of(new TrunkAttempt(trunk.name(), new OriginateTarget(requestUri, hop), caller,
                NameAddress.of(SipUri.of(number, domain)), headers, digest));
    }
}
