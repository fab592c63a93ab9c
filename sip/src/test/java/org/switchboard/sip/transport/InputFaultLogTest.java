package org.switchboard.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class InputFaultLogTest {
    private final MovableClock clock = new MovableClock();
    private final InputFaultLog faults = new InputFaultLog(clock, Duration.ofSeconds(60));
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(InputFaultLog.class);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    private static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void firstOccurrenceOfACauseFromASourceIsOneWarnLineWithoutStackTrace() {
        faults.record("Missing Via", Transport.UDP, address("192.0.2.1"), "dropped");

        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.getFirst().getLevel()).isEqualTo(Level.WARN);
        assertThat(lines.list.getFirst().getThrowableProxy()).isNull();
        assertThat(messages().getFirst()).contains("cause=\"Missing Via\"").contains("source=192.0.2.1")
                .contains("transport=UDP").contains("outcome=\"dropped\"");
    }

    @Test
    void repeatsWithinTheIntervalWriteNothingThenOneLineWithTheirCount() {
        for (int i = 0; i < 1000; i++) {
            faults.record("Missing Via", Transport.UDP, address("192.0.2.1"), "dropped");
            clock.advance(Duration.ofMillis(50)); // 1000 packets over 50 s
        }
        assertThat(lines.list).as("only the first of 1000 in one interval").hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        faults.record("Missing Via", Transport.UDP, address("192.0.2.1"), "dropped");

        assertThat(lines.list).hasSize(2);
        assertThat(messages().get(1)).contains("repeated").contains("cause=\"Missing Via\"").contains("count=1000")
                .contains("source=192.0.2.1");
    }

    @Test
    void anotherCauseOrAnotherSourceGetsItsOwnFirstLine() {
        faults.record("Missing Via", Transport.UDP, address("192.0.2.1"), "dropped");
        faults.record("Invalid CSeq", Transport.UDP, address("192.0.2.1"), "answered 400");
        faults.record("Missing Via", Transport.UDP, address("192.0.2.2"), "dropped");
        faults.record("Missing Via", Transport.TCP, address("192.0.2.2"), "dropped");

        assertThat(messages()).hasSize(3);
        assertThat(messages().get(1)).contains("cause=\"Invalid CSeq\"");
        assertThat(messages().get(2)).contains("source=192.0.2.2");
    }

    @Test
    void pastTheLimitOfPairsFurtherSourcesShareOneEntryPerCause() {
        for (int i = 0; i < InputFaultLog.MAX_PAIRS + 5000; i++) {
            faults.record("Missing Via", Transport.UDP,
                    address("10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF)), "dropped");
        }

        assertThat(lines.list).as("one line per remembered source, then one for all the others")
                .hasSize(InputFaultLog.MAX_PAIRS + 1);
        assertThat(messages().getLast()).contains("source=other");
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
