package org.switchboard.pbx.route;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.OriginateTarget;
import org.switchboard.pbx.call.TrunkAttempt;
import org.switchboard.pbx.provisioning.SealedSecretException;
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
import org.switchboard.store.trunk.SipTrunk;

/**
 * Builds the INVITE attempts of an extension's call to a number through trunks, as outbound routes
 * and emergency calls send them: each carrier resolved (DNS on the resolver's loop, the answer
 * posted back to the call), {@code sip:<number>@<carrier>}, From and P-Asserted-Identity the caller
 * ID at the carrier's domain, the trunk's credentials for its challenges, and with a STIR/SHAKEN
 * signer an {@code Identity} header of its own. A trunk that does not resolve or whose password
 * does not open is left out (logged). Immutable; {@link #build} runs on the call's executor and
 * never blocks (the password is opened and the PASSporT signed there, CPU only).
 */
public final class TrunkAttempts {
    private static final Logger log = LoggerFactory.getLogger(TrunkAttempts.class);

    private final TrunkService trunks;
    private final SipServerResolver resolver;
    private final StirShaken stirShaken;
    private final Clock clock;

    public TrunkAttempts(TrunkService trunks, SipServerResolver resolver, StirShaken stirShaken, Clock clock) {
        this.trunks = trunks;
        this.resolver = resolver;
        this.stirShaken = stirShaken;
        this.clock = clock;
    }

    /**
     * Resolves {@code tried}'s carriers and gives {@code then}, on the call's executor, an attempt
     * per trunk that can be used, in the same order (empty when none can).
     */
    public void build(IncomingCall call, List<SipTrunk> tried, String number, String callerId,
            Consumer<List<TrunkAttempt>> then) {
        List<CompletableFuture<Optional<NextHop>>> hops = tried.stream().map(this::resolve).toList();
        CompletableFuture.allOf(hops.toArray(CompletableFuture[]::new)).whenComplete((done, failure) ->
                call.executor().execute(() -> {
                    List<TrunkAttempt> attempts = new ArrayList<>();
                    for (int i = 0; i < tried.size(); i++) {
                        SipTrunk trunk = tried.get(i);
                        hops.get(i).join().flatMap(hop -> attempt(trunk, hop, number, callerId, call.caller()))
                                .ifPresent(attempts::add);
                    }
                    then.accept(List.copyOf(attempts));
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
