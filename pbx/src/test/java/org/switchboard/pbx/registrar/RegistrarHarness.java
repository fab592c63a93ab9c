package org.switchboard.pbx.registrar;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.digestrule.DigestRuleSeed;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.digestrule.JdbiDigestRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;

/**
 * A SIP stack with the registrar on a real database, on a port the OS picked, with the digest
 * User-Agent rules a new node seeds: what the ITs register against. {@link #restart()} stops stack and registrar, reopens the database and starts
 * both again, as a restarted node would. Test thread only.
 */
final class RegistrarHarness implements AutoCloseable {
    static final String REALM = "pbx.test";
    private static final byte[] SECRET = "registrar-it-secret-0123456789ab".getBytes(StandardCharsets.US_ASCII);

    final TestDatabase db;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon().factory());
    private final RegistrarSettings settings;
    ExtensionService extensions;
    DigestRuleService digestRules;
    RegistrarService registrar;
    SipStack stack;

    RegistrarHarness(TestDatabase db, RegistrarSettings settings) {
        this.db = db;
        this.settings = settings;
        start();
    }

    void addExtension(String number, String password, boolean enabled) {
        extensions.create(new ExtensionInput(number, "Ext " + number, password, null, null, false, enabled), "test");
    }

    int port() {
        return stack.localAddress(Transport.UDP).getPort();
    }

    void restart() {
        stop();
        db.restart();
        start();
    }

    private void start() {
        extensions = new ExtensionService(new JdbiExtensionStore(db.database()), REALM,
                new Argon2PasswordHasher(64, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.reloadCache();
        digestRules = new DigestRuleService(new JdbiDigestRuleStore(db.database()), Clock.systemUTC(), new EventBus());
        if (digestRules.count() == 0) {
            digestRules.replace(DigestRuleSeed.defaults(), "test"); // as a new node seeds them
        }
        digestRules.reloadCache();
        registrar = RegistrarService.start(db.database(), extensions, authUser -> Optional.empty(),
                digestRules::offerFor, settings, SECRET, meters, housekeeping, Clock.systemUTC(), new EventBus());
        MethodRouter router = MethodRouter.builder().on(SipMethod.REGISTER, registrar.registrar()::onRegister).build();
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new StackCounters()), router);
    }

    private void stop() {
        stack.close();
        registrar.close();
    }

    @Override
    public void close() {
        stop();
        housekeeping.shutdownNow();
        db.close();
    }
}
