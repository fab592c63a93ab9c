package org.switchboard.sip.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports free at the time of asking, for the SIP peers a test starts. */
public final class FreePorts {
    private static final int ATTEMPTS = 20;
    private static final int BLOCK_BAND_START = 6000;
    private static final int BLOCK_BAND_END = 10_000;
    /**
     * Where single ports come from: below the kernel's ephemeral range (32768-60999), above the
     * PBX's default RTP range (10000-20000) and below the fixed RTP ranges of the server ITs
     * (29400 and up). A port bound with bind(0) and closed again was handed back to whichever
     * process asked next for an ephemeral port (another test's connection, a node's port 0), and a
     * SIPp started on it moments later failed with "Address already in use".
     */
    private static final int SINGLE_BAND_START = 20_100;
    private static final int SINGLE_BAND_END = 29_000;

    private FreePorts() {}

    /** A port free for both UDP and TCP on 127.0.0.1. */
    public static int udpAndTcp() {
        for (int attempt = 0; ; attempt++) {
            int port = SINGLE_BAND_START + ThreadLocalRandom.current().nextInt(SINGLE_BAND_END - SINGLE_BAND_START);
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port; // bound on both: free for UDP and TCP at this moment
            } catch (IOException e) {
                if (attempt > ATTEMPTS * 10) {
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

    /**
     * The first of {@code count} consecutive UDP ports free on 127.0.0.1: SIPp's media port (-mp)
     * is the audio RTP port, and it binds RTCP and the video ports on the next three as well,
     * failing the run when one of them is taken. Taken from 6000-9999, below the kernel's ephemeral
     * range (32768-60999) and the PBX's default RTP range (10000-20000): a port found free there is
     * not handed to another process's bind(0) in the moment before SIPp binds it, which happened
     * with two test JVMs and several builds on one machine.
     */
    public static int udpBlock(int count) {
        for (int attempt = 0; ; attempt++) {
            int first = BLOCK_BAND_START + ThreadLocalRandom.current().nextInt(BLOCK_BAND_END - BLOCK_BAND_START - count);
            if (udpFree(first, count)) {
                return first;
            }
            if (attempt > ATTEMPTS * 10) {
                throw new UncheckedIOException(new IOException("no " + count + " consecutive free UDP ports"));
            }
        }
    }

    private static boolean udpFree(int from, int count) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int port = from; port < from + count; port++) {
                held.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }
}
