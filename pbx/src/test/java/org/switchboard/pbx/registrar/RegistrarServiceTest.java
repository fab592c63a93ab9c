package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** Loading at start and the expiry sweep, on a real SQLite file with a hand-moved clock. */
class RegistrarServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
    private final TestDatabase db = TestDatabases.sqlite();
    private final ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
            new Argon2PasswordHasher(64, 1, 1), Clock.systemUTC(), new EventBus());

    RegistrarServiceTest() {
        extensions.create(new ExtensionInput("1001", "A", "password-1001", null, null, false, true), "test");
    }

    @AfterEach
    void close() {
        housekeeping.shutdownNow();
        db.close();
    }

    private RegistrarService start() {
        return RegistrarService.start(db.database(), extensions, authUser -> Optional.empty(),
                userAgent -> Optional.empty(), RegistrarSettings.defaults("pbx.test"),
                "unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SimpleMeterRegistry(),
                housekeeping, () -> now.get(), new EventBus());
    }

    private static Registration row(String contact, Instant expires) {
        return new Registration("1001", contact, Optional.empty(), "call", 1, "TCP", "192.0.2.5", 40000, "127.0.0.1",
                5060, "ua", expires, T0, T0);
    }

    @Test
    void liveRowsAreLoadedAtStartAndExpiredOnesAreSweptFromMemoryAndTable() {
        new JdbiRegistrationStore(db.database()).write(List.of(row("sip:short@h", T0.plusSeconds(60)),
                row("sip:long@h", T0.plusSeconds(600))), List.of());

        try (RegistrarService registrar = start()) {
            assertThat(registrar.location().lookup("1001")).extracting(Binding::contactKey)
                    .containsExactly("sip:long@h", "sip:short@h");

            now.set(T0.plusSeconds(60));
            registrar.sweepNow();

            assertThat(registrar.location().current("1001")).extracting(Binding::contactKey).containsExactly("sip:long@h");
            assertThat(new JdbiRegistrationStore(db.database()).listLive(T0)).extracting(Registration::contactUri)
                    .containsExactly("sip:long@h");
        }
    }

    @Test
    void theSweepShowsBindingsAnotherNodeWroteToTheTable() {
        try (RegistrarService registrar = start()) {
            assertThat(registrar.location().lookup("1001")).isEmpty();

            new JdbiRegistrationStore(db.database()).write(List.of(row("sip:other-node@h", T0.plusSeconds(600))), List.of());
            registrar.sweepNow();

            assertThat(registrar.location().lookup("1001")).singleElement()
                    .satisfies(b -> assertThat(b.flow().remote().getPort()).isEqualTo(40000));
        }
    }
}
