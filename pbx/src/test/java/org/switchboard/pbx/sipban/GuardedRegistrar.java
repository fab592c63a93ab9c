package org.switchboard.pbx.sipban;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transport.InboundLimits;
import org.switchboard.sip.transport.SourceGuard;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.sipban.JdbiSipBanStore;
import org.switchboard.store.testkit.TestDatabase;

/**
 * A registrar node wired as the server wires it for security: the stack behind a {@link
 * SourceGuard} with the given limits and the ban list, the registrar reporting failures to a {@link
 * SipAuthGuard}, on a real database and a port the OS picked. Test thread only.
 */
final class GuardedRegistrar implements AutoCloseable {
    static final String REALM = "pbx.test";
    private static final byte[] SECRET = "sipsec-it-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final TestDatabase db;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final EventBus events = new EventBus();
    final ExtensionService extensions;
    final SipBanService bans;
    final SourceGuard sourceGuard;
    final RegistrarService registrar;
    final SipStack stack;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon().factory());

    GuardedRegistrar(TestDatabase db, InboundLimits limits, SipBanSettings banSettings) {
        this.db = db;
        Clock clock = Clock.systemUTC();
        extensions = new ExtensionService(new JdbiExtensionStore(db.database()), REALM,
                new Argon2PasswordHasher(64, 1, 1), clock, events);
        extensions.reloadCache();
        bans = new SipBanService(new JdbiSipBanStore(db.database()), events, clock);
        bans.reloadCache();
        registrar = RegistrarService.start(db.database(), extensions, authUser -> Optional.empty(),
                userAgent -> Optional.empty(), RegistrarSettings.defaults(REALM).withDigestAlgorithms(List.of(DigestAlgorithm.MD5)), SECRET, meters,
                housekeeping, clock, events, new SipAuthGuard(banSettings, bans, events, clock, meters));
        MethodRouter router = MethodRouter.builder().on(SipMethod.REGISTER, registrar.registrar()::onRegister).build();
        sourceGuard = new SourceGuard(limits, bans);
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new StackCounters()), router, sourceGuard);
    }

    void addExtension(String number, String password) {
        extensions.create(new ExtensionInput(number, "Ext " + number, password, null, null, false, true), "test");
    }

    int port() {
        return stack.localAddress(Transport.UDP).getPort();
    }

    /** Failed digest checks counted so far, every method. */
    double authFailures() {
        return meters.find("switchboard.sip.auth.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        stack.close();
        registrar.close();
        bans.close();
        housekeeping.shutdownNow();
        events.close();
        db.close();
    }
}
