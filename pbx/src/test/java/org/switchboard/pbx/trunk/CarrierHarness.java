package org.switchboard.pbx.trunk;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * A node's trunk side for tests against a real carrier (SIPp): a real SIP stack on 127.0.0.1,
 * the trunk service on a real SQLite file, and the lines that register and probe. Short SIP
 * timers (T1 = 100 ms, so Timer F is 6.4 s) and short retry and probe timings keep the tests fast.
 */
final class CarrierHarness implements AutoCloseable {
    static final String USER = "trunk-user";
    static final String PASSWORD = "trunk-secret-1";

    final TestDatabase database = TestDatabases.sqlite();
    final EventBus events = new EventBus();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final TrunkService trunks = new TrunkService(new JdbiSipTrunkStore(database.database()),
            new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(), events);
    final SipServerResolver resolver = new SipServerResolver();
    final TrunkLines lines;
    final SipStack stack;

    CarrierHarness(TrunkTimings timings) {
        trunks.reloadCache();
        lines = new TrunkLines(trunks, resolver, scheduler, timings, Clock.systemUTC());
        stack = SipStack.start(new SipStackSettings(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new TimerSettings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1)), "127.0.0.1", 2,
                new StackCounters()), MethodRouter.builder().build());
        lines.start(stack);
    }

    /** A trunk to the carrier on 127.0.0.1:{@code port} over UDP. */
    static TrunkInput trunk(String name, int port, boolean register, int optionsInterval, int misses) {
        return new TrunkInput(name, "127.0.0.1", OptionalInt.of(port), "udp", Optional.empty(), Optional.of(USER),
                Optional.of(PASSWORD), register, 3600, optionsInterval, misses, List.of("PCMU"), 0, Optional.empty(),
                List.of("127.0.0.1"), true);
    }

    TrunkState state(String name) {
        return lines.state(trunks.get(name));
    }

    @Override
    public void close() {
        lines.stop();
        stack.close();
        scheduler.shutdownNow();
        resolver.close();
        events.close();
        database.close();
    }
}
