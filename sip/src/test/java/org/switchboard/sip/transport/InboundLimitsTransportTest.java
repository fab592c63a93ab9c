package org.switchboard.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection limits and the early close of unregistered connections, over real TCP on 127.0.0.1. */
class InboundLimitsTransportTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String REGISTER = "REGISTER sip:pbx SIP/2.0\r\nContent-Length: 0\r\n\r\n";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private TransportLayer transports;
    private SourceGuard guard;

    private void start(InboundLimits limits) {
        guard = new SourceGuard(limits, BlockedSources.NONE);
        transports = new TransportLayer(TransportSettings.of(LOOPBACK, 0, 0),
                (bytes, flow) -> received.add(new String(bytes, StandardCharsets.ISO_8859_1)), StackMetrics.NONE, guard);
        transports.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (transports != null) {
            transports.close();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(LOOPBACK, transports.localAddress(Transport.TCP).getPort());
        s.setSoTimeout(10_000);
        sockets.add(s);
        return s;
    }

    @Test
    void connectionsBeyondThePerSourceLimitAreClosedAtOnce() throws Exception {
        start(new InboundLimits(0, Duration.ofSeconds(1), 3, 1000, Duration.ofMinutes(1), List.of()));
        for (int i = 0; i < 3; i++) {
            connect();
        }
        await().until(() -> transports.openConnections() == 3);

        Socket extra = connect();

        assertThat(extra.getInputStream().read()).as("the fourth connection from 127.0.0.1 is closed").isEqualTo(-1);
        assertThat(guard.counters().refusedPerSource()).isEqualTo(1);
        assertThat(transports.openConnections()).isEqualTo(3);
        assertThat(guard.acceptedConnections()).isEqualTo(3);

        sockets.getFirst().close();
        await().until(() -> guard.acceptedConnections() == 2);
        Socket again = connect();
        again.getOutputStream().write(REGISTER.getBytes(StandardCharsets.ISO_8859_1));
        await().until(() -> received.size() == 1);
    }

    /**
     * Reads past the pongs (CRLF) answering our pings; returns the first other byte, or -1 when
     * the server closed the connection (a reset, when a ping crossed the close, counts as closed).
     */
    private static int drainPongs(InputStream in) throws IOException {
        try {
            int b;
            do {
                b = in.read();
            } while (b == '\r' || b == '\n');
            return b;
        } catch (SocketException reset) {
            return -1;
        }
    }

    @Test
    void connectionsWithoutRegisterAreClosedWhenNoSipMessageComesEvenWithPingsAndARegisteredFlowIsKept() throws Exception {
        start(new InboundLimits(0, Duration.ofSeconds(1), 10, 1000, Duration.ofMillis(300), List.of()));
        Socket registered = connect();
        registered.getOutputStream().write(REGISTER.getBytes(StandardCharsets.ISO_8859_1));
        await().until(() -> received.size() == 1);

        Socket silent = connect();
        Socket optionsOnly = connect();
        optionsOnly.getOutputStream().write("OPTIONS sip:pbx SIP/2.0\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        Socket pingsOnly = connect();
        Thread pinger = Thread.ofVirtual().start(() -> {
            try {
                while (!pingsOnly.isClosed()) {
                    pingsOnly.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException closed) {
                // the server closed it: what the test waits for
            }
        });

        assertThat(silent.getInputStream().read()).as("silent connection closed").isEqualTo(-1);
        assertThat(drainPongs(pingsOnly.getInputStream())).as("keep-alive pings alone do not keep an unregistered"
                + " connection").isEqualTo(-1);
        pinger.interrupt();
        assertThat(optionsOnly.getInputStream().read()).as("connection that sent no REGISTER closed").isEqualTo(-1);
        assertThat(guard.counters().closedIdle()).isEqualTo(3);
        registered.setSoTimeout(1_000); // several unregistered timeouts pass: the registered flow stays
        InputStream in = registered.getInputStream();
        try {
            int read = in.read();
            assertThat(read).as("the registered flow must not be closed").isNotEqualTo(-1);
        } catch (SocketTimeoutException stillOpen) {
            assertThat(transports.openConnections()).isEqualTo(1);
        }
    }
}
