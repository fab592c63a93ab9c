package org.switchboard.pbx.call;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.media.rtp.LatchingRule;
import org.switchboard.media.rtp.RelaySettings;
import org.switchboard.media.rtp.RelayTransport;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.routing.DefaultDialPlan;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.CdrStatus;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;

/**
 * A PBX node for the call ITs, assembled like the server does it: extensions, the default dial
 * plan, the registrar, the relay, call control and the stack on a port the OS picked, on a real
 * database. Test thread only (the parts it builds are thread-safe).
 */
final class CallHarness implements AutoCloseable {
    static final String DOMAIN = "pbx.test";
    static final String PASSWORD = "correct horse 42";
    private static final byte[] SECRET = "call-it-secret-0123456789abcdef!".getBytes(StandardCharsets.US_ASCII);

    final TestDatabase db;
    final EventBus events = new EventBus();
    final RtpRelay relay;
    final MediaEndpoints endpoints;
    final DialPlanService dialPlan;
    final CallControl calls;
    final SipStack stack;
    final CallSettingsService callSettings;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon().factory());
    private final ExtensionService extensions;
    private final RegistrarService registrar;
    private final JdbiCdrStore cdrStore;
    private final CdrRecorder cdr;

    /** Relay ports per node: 100 calls. */
    private static final int RTP_PORTS = 400;

    CallHarness(TestDatabase db, Duration noAnswerTimeout, Duration mediaTimeout) {
        this(db, noAnswerTimeout, mediaTimeout, HoldMusic.NONE);
    }

    /** A node whose held parties hear {@code holdMusic}. */
    CallHarness(TestDatabase db, Duration noAnswerTimeout, Duration mediaTimeout, HoldMusic holdMusic) {
        this(db, noAnswerTimeout, mediaTimeout, holdMusic, ExtensionLastResort.NONE);
    }

    /** A node whose held parties hear {@code holdMusic} and whose extensions' failed calls go to {@code lastResort}. */
    CallHarness(TestDatabase db, Duration noAnswerTimeout, Duration mediaTimeout, HoldMusic holdMusic,
            ExtensionLastResort lastResort) {
        this.db = db;
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        extensions = new ExtensionService(new JdbiExtensionStore(db.database()), DOMAIN,
                new Argon2PasswordHasher(64, 1, 1), clock, events);
        extensions.reloadCache();
        dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, clock, events);
        DefaultDialPlan.rules().forEach(rule -> dialPlan.create(rule, "test"));
        callSettings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                dialPlan, clock, events);
        callSettings.reloadCache();
        cdrStore = new JdbiCdrStore(db.database(), clock);
        cdr = new CdrRecorder(db.database(), cdrStore, BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), meters);
        // The default challenge (MD5, then SHA-256) for every phone: SIPp answers the first, MD5.
        registrar = RegistrarService.start(db.database(), extensions, authUser -> Optional.empty(),
                userAgent -> Optional.empty(), RegistrarSettings.defaults(DOMAIN), SECRET, meters, housekeeping, clock,
                events);
        int rtpPortMin = freeRtpRange();
        relay = new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), rtpPortMin, rtpPortMin + RTP_PORTS - 1,
                mediaTimeout, LatchingRule.DEFAULT, RelayTransport.best(), 1));
        endpoints = new MediaEndpoints(relay);
        CallRequests requests = new CallRequests();
        MethodRouter router = requests.routeInto(MethodRouter.builder()
                .on(org.switchboard.sip.message.SipMethod.REGISTER, registrar.registrar()::onRegister)).build();
        stack = SipStack.start(new SipStackSettings(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                TimerSettings.DEFAULTS, "127.0.0.1", 2, new StackCounters()).withUas(CallRequests.UAS_POLICY), router);
        calls = new CallControl(stack, relay, registrar, dialPlan, callSettings, cdr, events, housekeeping,
                clock, new CallControlSettings(DOMAIN, "127.0.0.1", "127.0.0.1", noAnswerTimeout), endpoints, holdMusic,
                lastResort);
        requests.attach(calls);
    }

    /** The node's extensions, for features built beside call control (ring groups check members there). */
    ExtensionService extensions() {
        return extensions;
    }

    void addExtensions(String... numbers) {
        for (String number : numbers) {
            extensions.create(new ExtensionInput(number, "Ext " + number, PASSWORD, null, null, false, true), "test");
        }
    }

    /** Adds destination kind {@code kind} to the dial plan with {@code application} running its calls, as a feature module does. */
    void install(ApplicationKind kind, Application application) {
        dialPlan.kinds().register(kind);
        calls.applications().register(kind.name(), application);
    }

    int port() {
        return stack.localAddress(Transport.UDP).getPort();
    }

    int tcpPort() {
        return stack.localAddress(Transport.TCP).getPort();
    }

    /** Registers {@code extension} from SIPp at 127.0.0.1:{@code phonePort} over UDP. */
    void register(String extension, int phonePort) throws Exception {
        Sipp.scenario("register.xml").target(port()).localPort(phonePort).credentials(extension, PASSWORD)
                .key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + extension);
    }

    /**
     * A SIPp caller run over UDP: [service] is the dialled number, {@code caller} authenticates
     * with the password; SIPp's digest-uri would name only the PBX's address, so it is set to the
     * Request-URI.
     */
    Sipp caller(String scenario, String caller, String dialled) {
        return callerOver(scenario, caller, dialled, "u1", port());
    }

    /** As {@link #caller}, over SIPp transport mode {@code mode} ({@code t1} = TCP) to {@code pbxPort}. */
    Sipp callerOver(String scenario, String caller, String dialled, String mode, int pbxPort) {
        return Sipp.scenario(scenario).target(pbxPort).transport(mode)
                .option("-s", dialled, "-au", caller, "-ap", PASSWORD, "-auth_uri", dialled + "@127.0.0.1:" + pbxPort)
                .key("caller", caller);
    }

    /** The CDR of the one call {@code caller} made, once the call ended and the write-behind wrote it. */
    Cdr awaitCdrOf(String caller) {
        return awaitCdrsOf(caller, 1).getFirst();
    }

    /**
     * The CDRs naming {@code extension} as caller or callee, once {@code count} of them are of ended
     * calls (an answered call's row exists from the answer on, open until the call ends).
     */
    List<Cdr> awaitCdrsOf(String extension, int count) {
        CdrFilter filter = new CdrFilter(extension, null, null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> endedCalls(filter).size() >= count);
        return endedCalls(filter);
    }

    private List<Cdr> endedCalls(CdrFilter filter) {
        return cdrStore.page(filter, 10, 0).items().stream().filter(c -> c.status() != CdrStatus.OPEN).toList();
    }

    /** How many CDRs name {@code extension} as caller or callee. */
    long cdrsOf(String extension) {
        return cdrStore.page(new CdrFilter(extension, null, null, null), 1, 0).total();
    }

    /** Waits until every relay port pair is back in the pool. */
    void awaitPortsFree() {
        int capacity = RTP_PORTS / 2;
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.availablePortPairs() == capacity);
    }


    /**
     * The start of a range of relay ports free on 127.0.0.1 now: other tests and benchmarks on this
     * machine use fixed ranges, so a fixed one here would collide with them.
     */
    private static int freeRtpRange() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int start = 20_000 + 2 * ThreadLocalRandom.current().nextInt(20_000);
            if (isFree(start)) {
                return start;
            }
        }
        throw new IllegalStateException("no free range of " + RTP_PORTS + " UDP ports on 127.0.0.1");
    }

    private static boolean isFree(int start) {
        List<DatagramSocket> probes = new ArrayList<>();
        try {
            for (int port = start; port < start + RTP_PORTS; port++) {
                probes.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (SocketException taken) {
            return false;
        } finally {
            probes.forEach(DatagramSocket::close);
        }
    }

    @Override
    public void close() {
        calls.endAll("test over", Duration.ofSeconds(2));
        stack.close();
        endpoints.close();
        relay.close();
        registrar.close();
        cdr.close();
        events.close();
        housekeeping.shutdownNow();
        db.close();
    }
}
