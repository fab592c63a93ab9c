package org.switchboard.server.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.registrar.RegistrationFailures;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.TlsCertificates;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.db.Database;

/**
 * Builds and starts the SIP side of a node: the registrar (bindings loaded from the database, the
 * expiry sweep on the housekeeping scheduler) and the stack on {@code sip.bind}/{@code sip.port}
 * (UDP and TCP, TLS on {@code sip.tls_port} when a certificate directory is given), with REGISTER
 * routed to the registrar and OPTIONS answered 200. Exposes the location service for call control.
 * Started and closed by the thread that owns the server's lifecycle; accessors from any thread.
 */
public final class SipWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipWiring.class);
    private static final String ALLOW = "REGISTER, OPTIONS, ACK, CANCEL";

    private final RegistrarService registrar;
    private final SipStack stack;

    private SipWiring(RegistrarService registrar, SipStack stack) {
        this.registrar = registrar;
        this.stack = stack;
    }

    /**
     * Starts the registrar, then the listeners (a node accepts traffic only when it can answer it).
     *
     * @param digestSecret the nonce HMAC key (at least 16 bytes); give every node of a cluster the same
     * @param tlsCertificates where the self-signed TLS certificate is kept; empty for no TLS listener
     * @param housekeeping the node's scheduler for the registrar's expiry sweep
     * @param events where the registrar publishes binding changes
     */
    public static SipWiring start(SwitchboardConfig.Sip sip, Database database, ExtensionService extensions,
            byte[] digestSecret, Optional<Path> tlsCertificates, MeterRegistry meters,
            ScheduledExecutorService housekeeping, Clock clock, EventBus events) {
        RegistrarService registrar = null;
        try {
            // MD5 is offered first: many phones (and baresip) answer only the first challenge and
            // fail on SHA-256; those that support both may still pick SHA-256 (RFC 8760 §2.4).
            RegistrarSettings settings = RegistrarSettings.defaults(sip.domain())
                    .withDigestAlgorithms(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
            registrar = RegistrarService.start(database, extensions, settings, digestSecret, meters, housekeeping, clock,
                    events);
            MethodRouter router = MethodRouter.builder()
                    .on(SipMethod.REGISTER, registrar.registrar()::onRegister)
                    .on(SipMethod.OPTIONS, SipWiring::options)
                    .build();
            SipStack stack = SipStack.start(settings(sip, tlsCertificates), router);
            log.info("sip started bind={} udp={} tcp={} tls={}", sip.bind(), stack.localAddress(Transport.UDP).getPort(),
                    stack.localAddress(Transport.TCP).getPort(),
                    stack.supports(Transport.TLS) ? stack.localAddress(Transport.TLS).getPort() : "off");
            return new SipWiring(registrar, stack);
        } catch (RuntimeException e) {
            if (registrar != null) {
                registrar.close();
            }
            throw e;
        }
    }

    /** Where call routing finds an extension's phones. */
    public LocationService location() {
        return registrar.location();
    }

    /** Failed REGISTER authentications per source address (for the fraud module). */
    public RegistrationFailures registrationFailures() {
        return registrar.failures();
    }

    /** The running stack (call control sends its requests through it). */
    public SipStack stack() {
        return stack;
    }

    /** Stops the listeners first, then flushes the registrar's write-behind queues. */
    @Override
    public void close() {
        stack.close();
        registrar.close();
    }

    private static SipStackSettings settings(SwitchboardConfig.Sip sip, Optional<Path> tlsCertificates) {
        InetAddress bind = InetAddress.ofLiteral(sip.bind());
        TransportSettings transport = TransportSettings.of(bind, sip.port(), sip.port());
        // Our Via and Contact must name an address peers can reach: the announced one behind NAT,
        // the bound one otherwise, the SIP domain when bound to every interface.
        String advertised = sip.externalAddress()
                .orElse(bind.isAnyLocalAddress() ? sip.domain() : bind.getHostAddress());
        if (tlsCertificates.isPresent()) {
            transport = transport.withTls(new TransportSettings.TlsListener(sip.tlsPort(),
                    TlsCertificates.selfSigned(tlsCertificates.get(), advertised)));
        }
        return new SipStackSettings(transport, TimerSettings.DEFAULTS, advertised,
                Math.max(2, Runtime.getRuntime().availableProcessors()), new StackCounters());
    }

    private static void options(ServerTransaction tx) {
        // RFC 3261 §11.2: 200 with what we accept; phones and trunks use it as a keep-alive.
        tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag()).withHeader(HeaderName.ALLOW, ALLOW));
    }
}
