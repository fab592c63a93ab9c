package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.InputFault;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * Issue 13 item 7: a flood of malformed SIP over UDP grows the log by a bounded number of lines,
 * none with a stack trace, and every packet is counted by its fault.
 */
class MalformedFloodTest {
    private static final int PACKETS = 5000;
    private static final int BATCH = 250;

    private final StackCounters counters = new StackCounters();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private SipStack stack;

    @BeforeEach
    void start() {
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0), counters),
                MethodRouter.builder()
                        .on(SipMethod.OPTIONS, tx -> tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag())))
                        .build());
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        stack.close();
    }

    private static String withoutVia(int n) {
        return "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\n"
                + "From: <sip:scanner@example.com>;tag=" + n + "\r\n"
                + "To: <sip:uas@example.com>\r\n"
                + "Call-ID: flood-" + n + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String withBadCSeq(int n, int port) {
        return "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKflood" + n + "\r\n"
                + "From: <sip:scanner@example.com>;tag=" + n + "\r\n"
                + "To: <sip:uas@example.com>\r\n"
                + "Call-ID: flood-cseq-" + n + "\r\n"
                + "CSeq: abc OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void fiveThousandMalformedPacketsAddABoundedNumberOfLinesAndNoStackTrace() throws Exception {
        InetSocketAddress udp = stack.localAddress(Transport.UDP);
        try (UdpPeer peer = new UdpPeer()) {
            for (int sent = 0; sent < PACKETS; sent += BATCH) {
                for (int n = sent; n < sent + BATCH; n++) {
                    peer.send(n % 2 == 0 ? withoutVia(n) : withBadCSeq(n, peer.port()), udp);
                }
                int expected = sent + BATCH;
                // the next batch waits for this one: no datagram lost to a full receive buffer
                await().atMost(Duration.ofSeconds(20)).until(() -> counters.parseFailures() >= expected);
            }
        }

        assertThat(counters.parseFailures(InputFault.MISSING_HEADER)).isEqualTo(PACKETS / 2);
        assertThat(counters.parseFailures(InputFault.BAD_HEADER)).isEqualTo(PACKETS / 2);
        assertThat(log.list.stream().filter(e -> e.getThrowableProxy() != null))
                .as("no stack trace for input errors").isEmpty();
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
                .as("one WARN line per cause and source, not one per packet: %s", log.list)
                .hasSizeBetween(2, 4);
        assertThat(log.list.stream().filter(e -> e.getLevel() == Level.ERROR)).isEmpty();
    }
}
