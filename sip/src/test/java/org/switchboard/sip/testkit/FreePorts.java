package org.switchboard.sip.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports free at the time of asking, for the SIP peers a test starts. */
public final class FreePorts {
    private static final int ATTEMPTS = 20;

    private FreePorts() {}

    /** A port free for both UDP and TCP on 127.0.0.1. */
    public static int udpAndTcp() {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort(); // bound on both: free for UDP and TCP at this moment
            } catch (IOException e) {
                if (attempt > ATTEMPTS) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * A port free on UDP and TCP whose next port is free on TCP too: baresip opens SIP over TLS on
     * its SIP port + 1 and fails to start when that one is taken.
     */
    public static int udpAndTcpWithNext() {
        for (int attempt = 0; ; attempt++) {
            int port = udpAndTcp();
            if (port < 65_535) {
                try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException e) {
                    if (attempt > ATTEMPTS) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }
}
