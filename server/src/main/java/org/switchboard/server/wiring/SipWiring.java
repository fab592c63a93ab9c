package org.switchboard.server.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.media.rtp.LatchingRule;
import org.switchboard.media.rtp.RelaySettings;
import org.switchboard.media.rtp.RelayTransport;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.pbx.call.ActiveCalls;
import org.switchboard.pbx.provisioning.ProvisionedLogins;
import org.switchboard.pbx.call.CallControl;
import org.switchboard.pbx.call.CallControlSettings;
import org.switchboard.pbx.call.CallRequests;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.registrar.RegistrationFailures;
import org.switchboard.pbx.sipban.SipAuthGuard;
import org.switchboard.pbx.sipban.SipBanService;
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
import org.switchboard.sip.transport.SourceGuard;
import org.switchboard.sip.transport.TlsCertificates;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.db.Database;
import org.switchboard.store.sipban.JdbiSipBanStore;

/**
 * Builds and starts the SIP side of a node: the registrar (bindings loaded from the database, the
 * expiry sweep on the housekeeping scheduler), the RTP relay on {@code rtp.*}, call control, and
 * the stack on {@code sip.bind}/{@code sip.port} (UDP and TCP, TLS on {@code sip.tls_port} when a
 * certificate directory is given), with REGISTER routed to the registrar, INVITE, BYE, UPDATE and
 * INFO (and CANCEL, through the stack) to call control, OPTIONS answered 200, and the methods
 * feature modules serve (SUBSCRIBE) to them.
 * Started and closed by the thread that owns the server's lifecycle; accessors from any thread.
 */
public final class SipWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipWiring.class);
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, UPDATE, INFO, REFER, REGISTER, OPTIONS, SUBSCRIBE";
    /** How long shutdown waits for the calls in progress to be ended and recorded. */
    private static final Duration END_CALLS_WAIT = Duration.ofSeconds(5);

    private final RegistrarService registrar;
    private final RtpRelay relay;
    private final MediaEndpoints endpoints;
    private final SipStack stack;
    private final CallControl calls;
    private final SipBanService bans;

    private SipWiring(RegistrarService registrar, RtpRelay relay, MediaEndpoints endpoints, SipStack stack,
            CallControl calls, SipBanService bans) {
        this.registrar = registrar;
        this.relay = relay;
        this.endpoints = endpoints;
        this.stack = stack;
        this.calls = calls;
        this.bans = bans;
    }

    /**
     * Starts the registrar, the relay and call control, then the listeners (a node accepts traffic
     * only when it can answer it).
     *
     * @param devices the provisioned devices' own SIP logins (they register and call as their extension)
     * @param digestSecret the nonce HMAC key (at least 16 bytes); give every node of a cluster the same
     * @param tlsCertificates where the self-signed TLS certificate is kept; empty for no TLS listener
     * @param modules the feature modules whose applications call control runs
     * @param housekeeping the node's scheduler for the registrar's expiry sweep and ring timeouts
     */
    public static SipWiring start(SwitchboardConfig config, Database database, Features features,
            List<FeatureModule> modules, ProvisionedLogins devices, byte[] digestSecret, Optional<Path> tlsCertificates,
            MeterRegistry meters,
            ScheduledExecutorService housekeeping, Clock clock) {
        SwitchboardConfig.Sip sip = config.sip();
        RegistrarService registrar = null;
        RtpRelay relay = null;
        MediaEndpoints endpoints = null;
        SipBanService bans = new SipBanService(new JdbiSipBanStore(database), features.events(), clock);
        try {
            SwitchboardConfig.SipSecurity security = config.sipSecurity();
            bans.reloadCache();
            bans.startSync(housekeeping, security.bans().syncInterval());
            SipAuthGuard authGuard = new SipAuthGuard(security.bans(), bans, features.events(), clock, meters);
            // What an extension on "auto" is offered when no User-Agent rule names its phone: MD5
            // first, since many phones answer only the first challenge and know only MD5; phones that
            // prefer SHA-256 may still pick it. Phones that give up on any challenge they cannot answer
            // (baresip 1.0) get MD5 alone from a rule; sip.digest_sha256 off leaves MD5 alone for all.
            RegistrarSettings settings = RegistrarSettings.defaults(sip.domain())
                    .withDigestAlgorithms(sip.digestSha256() ? List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)
                            : List.of(DigestAlgorithm.MD5));
            registrar = RegistrarService.start(database, features.extensions(), devices,
                    features.digestRules()::offerFor, settings, digestSecret, meters, housekeeping, clock,
                    features.events(), authGuard);
            relay = new RtpRelay(new RelaySettings(InetAddress.ofLiteral(sip.bind()), config.rtp().portMin(),
                    config.rtp().portMax(), config.rtp().mediaTimeout(), LatchingRule.DEFAULT, RelayTransport.best(),
                    config.rtp().ioThreads().orElseGet(
                            () -> RelaySettings.defaultIoThreads(Runtime.getRuntime().availableProcessors()))));
            // The PBX's own media (calls it answers itself) shares the relay's loops and port range.
            endpoints = new MediaEndpoints(relay);
            CallRequests callRequests = new CallRequests();
            SipStackSettings stackSettings = settings(sip, tlsCertificates, meters);
            MethodRouter.Builder routes = callRequests.routeInto(MethodRouter.builder()
                    .on(SipMethod.REGISTER, registrar.registrar()::onRegister)
                    .on(SipMethod.OPTIONS, SipWiring::options));
            SipSide side = new SipSide(registrar, sip.domain(), stackSettings.advertisedHost(), housekeeping, clock);
            for (FeatureModule module : modules) {
                module.sipRequests(side).forEach(routes::on);
            }
            MethodRouter router = routes.build();
            SourceGuard sourceGuard = new SourceGuard(security.limits().withinFileHandles(FileHandles.maxOpen(),
                    security.fileHandleReserve()), bans);
            SipStack stack = SipStack.start(stackSettings, router, sourceGuard);
            SipSecurityMetrics.bind(meters, sourceGuard, bans);
            CallControl calls = new CallControl(stack, relay, registrar, features.dialPlan(),
                    features.callSettings(), features.cdrRecorder(), features.events(), housekeeping, clock,
                    new CallControlSettings(sip.domain(), stackSettings.advertisedHost(), mediaAddress(sip),
                            config.calls().noAnswerTimeout()), endpoints, features.moh(),
                    // Without a module answering them (voicemail), a call an extension cannot take fails (486, 480).
                    modules.stream().map(FeatureModule::lastResort).flatMap(Optional::stream).findFirst()
                            .orElse(ExtensionLastResort.NONE));
            for (FeatureModule module : modules) {
                module.destinations().forEach(d -> calls.applications().register(d.kind().name(), d.application()));
            }
            callRequests.attach(calls);
            log.info("sip started bind={} udp={} tcp={} tls={} rtp={}-{}", sip.bind(),
                    stack.localAddress(Transport.UDP).getPort(), stack.localAddress(Transport.TCP).getPort(),
                    stack.supports(Transport.TLS) ? stack.localAddress(Transport.TLS).getPort() : "off",
                    config.rtp().portMin(), config.rtp().portMax());
            log.info("sip limits rate={}/{} connections_per_source={} connections={} unregistered_idle={} trusted={}",
                    sourceGuard.limits().requestsPerWindow(), sourceGuard.limits().window(),
                    sourceGuard.limits().connectionsPerSource(), sourceGuard.limits().maxConnections(),
                    sourceGuard.limits().unregisteredIdleTimeout(), sourceGuard.limits().trusted());
            return new SipWiring(registrar, relay, endpoints, stack, calls, bans);
        } catch (RuntimeException e) {
            bans.close();
            if (endpoints != null) {
                endpoints.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (registrar != null) {
                registrar.close();
            }
            throw e;
        }
    }

    /**
     * The address phones send RTP to: the announced one behind NAT, else the bound one, else (bound
     * to every interface) the first non-loopback IPv4 address of this host.
     */
    private static String mediaAddress(SwitchboardConfig.Sip sip) {
        if (sip.externalAddress().isPresent()) {
            return sip.externalAddress().get();
        }
        InetAddress bind = InetAddress.ofLiteral(sip.bind());
        if (!bind.isAnyLocalAddress()) {
            return bind.getHostAddress();
        }
        try {
            return NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst()
                    .orElse(InetAddress.getLoopbackAddress().getHostAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException("listing network interfaces for the media address", e);
        }
    }

    /** The calls in progress, for the API. */
    public ActiveCalls calls() {
        return calls;
    }

    /** Call control itself, for what starts calls from outside SIP (click-to-dial, the inbound routes' trunk calls). */
    public CallControl callControl() {
        return calls;
    }

    /** The router calls are planned with (forwarding, do-not-disturb, last resort), for the dial plan's test. */
    public CallRouter router() {
        return calls.router();
    }

    /** Where call routing finds an extension's phones. */
    public LocationService location() {
        return registrar.location();
    }

    /** Failed REGISTER authentications per source address (for the fraud module). */
    public RegistrationFailures registrationFailures() {
        return registrar.failures();
    }

    /** The SIP ban list, for the API. */
    public SipBanService bans() {
        return bans;
    }

    /** The media endpoints and mixers the node terminates (conference rooms open their mixers here). */
    public MediaEndpoints endpoints() {
        return endpoints;
    }

    /** The running stack (call control sends its requests through it). */
    public SipStack stack() {
        return stack;
    }

    /**
     * Ends the calls in progress (BYE, recorded as CDRs) while the stack can still send, then
     * stops the listeners, frees the relay's ports and flushes the registrar's write-behind queues.
     */
    @Override
    public void close() {
        calls.endAll("server shutdown", END_CALLS_WAIT);
        stack.close();
        endpoints.close();
        relay.close();
        registrar.close();
        bans.close();
    }

    private static SipStackSettings settings(SwitchboardConfig.Sip sip, Optional<Path> tlsCertificates,
            MeterRegistry meters) {
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
                Math.max(2, Runtime.getRuntime().availableProcessors()), new SipStackMeters(meters))
                .withUas(CallRequests.UAS_POLICY);
    }

    private static void options(ServerTransaction tx) {
        // RFC 3261 §11.2: 200 with what we accept; phones and trunks use it as a keep-alive.
        tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag()).withHeader(HeaderName.ALLOW, ALLOW));
    }
}
