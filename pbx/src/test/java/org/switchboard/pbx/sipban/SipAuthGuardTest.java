package org.switchboard.pbx.sipban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.registrar.AuthFailureListener.Failure;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.sipban.JdbiSipBanStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class SipAuthGuardTest {
    private static final InetAddress SCANNER = InetAddress.ofLiteral("192.0.2.66");
    private static final InetAddress OFFICE = InetAddress.ofLiteral("192.0.2.10");
    /** The fail2ban filter documented in docs/security.md, with <HOST> as fail2ban expands it. */
    private static final Pattern FAIL2BAN = Pattern.compile("sip auth failed source=(?<host>[0-9a-fA-F.:]+) ");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final EventBus events = new EventBus();
    private final List<PbxEvent> published = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private TestDatabase db;
    private SipBanService bans;
    private SipAuthGuard guard;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        bans = new SipBanService(new JdbiSipBanStore(db.database()), events, clock);
        guard = new SipAuthGuard(SipBanSettings.DEFAULTS, bans, events, clock, meters);
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 100, published::add);
        logged.start();
        ((Logger) LoggerFactory.getLogger(SipAuthGuard.class)).addAppender(logged);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(SipAuthGuard.class)).detachAppender(logged);
        bans.close();
        events.close();
        db.close();
    }

    private static Failure failure(InetAddress source, String extension, String userAgent) {
        return new Failure(source, extension, "REGISTER", Optional.of(userAgent), Transport.UDP);
    }

    @Test
    void everyFailureIsOneLogLineAFail2banFilterReadsWithTheUntrustedTextEscaped() {
        guard.failed(failure(SCANNER, "1001", "friendly-scanner\"\nFAKE sip auth ok"));

        assertThat(logged.list).singleElement().satisfies(e -> {
            String line = e.getFormattedMessage();
            assertThat(line).doesNotContain("\n").contains("extension=\"1001\"")
                    .contains("user_agent=\"friendly-scanner\\\"\\x0aFAKE sip auth ok\"").contains("method=REGISTER");
            var m = FAIL2BAN.matcher(line);
            assertThat(m.find()).as("fail2ban filter matches: %s", line).isTrue();
            assertThat(m.group("host")).isEqualTo("192.0.2.66");
        });
        assertThat(meters.counter("switchboard.sip.auth.failures", "method", "REGISTER").count()).isEqualTo(1);
    }

    @Test
    void aGuessingSourceIsHeldOffThenBannedPersistedAndAlerted() {
        for (int i = 1; i <= 4; i++) {
            guard.failed(failure(SCANNER, "1001", "svcrack"));
        }
        assertThat(bans.isBlocked(SCANNER)).as("four failures: a mistyped password, no hold-off").isFalse();

        guard.failed(failure(SCANNER, "1001", "svcrack"));
        assertThat(bans.isBlocked(SCANNER)).as("held off after the fifth").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(bans.isBlocked(SCANNER)).as("the first hold-off lasts 1 s").isFalse();

        for (int i = 6; i <= 10; i++) {
            guard.failed(failure(SCANNER, "1001", "svcrack"));
        }

        assertThat(bans.isBlocked(SCANNER)).isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(bans.isBlocked(SCANNER)).as("banned for an hour").isTrue();
        assertThat(bans.isBlocked(OFFICE)).isFalse();
        await().untilAsserted(() -> assertThat(bans.list()).singleElement().satisfies(b -> {
            assertThat(b.address()).isEqualTo("192.0.2.66");
            assertThat(b.failures()).isEqualTo(10);
        }));
        await().untilAsserted(() -> assertThat(published).filteredOn(PbxEvent.SecurityAlert.class::isInstance)
                .singleElement().satisfies(a -> {
                    PbxEvent.SecurityAlert alert = (PbxEvent.SecurityAlert) a;
                    assertThat(alert.kind()).isEqualTo("sip_source_banned");
                    assertThat(alert.source()).isEqualTo("192.0.2.66");
                }));
        assertThat(meters.counter("switchboard.sip.bans").count()).isEqualTo(1);
    }

    @Test
    void failuresOutsideTheFindTimeStartOver() {
        for (int i = 0; i < 9; i++) {
            guard.failed(failure(SCANNER, "1001", "phone"));
        }
        clock.advance(Duration.ofMinutes(10));

        guard.failed(failure(SCANNER, "1001", "phone"));

        assertThat(bans.isBlocked(SCANNER)).isFalse();
    }

    @Test
    void anExtensionGuessedFromManySourcesRaisesOneAlertAndIsNotLocked() {
        for (int i = 0; i < 25; i++) {
            guard.failed(failure(InetAddress.ofLiteral("198.51.100." + i), "1001", "botnet"));
        }

        await().untilAsserted(() -> assertThat(published).filteredOn(PbxEvent.SecurityAlert.class::isInstance)
                .singleElement().satisfies(a -> assertThat(((PbxEvent.SecurityAlert) a).kind())
                        .isEqualTo("sip_extension_guessed")));
        assertThat(bans.isBlocked(OFFICE)).as("the extension's own phone keeps working").isFalse();
    }

    @Test
    void aLiftedBanEndsAtOnceAndTheSourceStartsCountingAfresh() {
        for (int i = 0; i < 10; i++) {
            guard.failed(failure(SCANNER, "1001", "svcrack"));
        }
        await().until(() -> bans.list().size() == 1);

        bans.lift(SCANNER, "admin");
        guard.failed(failure(SCANNER, "1001", "phone"));

        assertThat(bans.isBlocked(SCANNER)).isFalse();
        assertThat(bans.list()).isEmpty();
    }
}
