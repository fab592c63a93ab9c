package org.switchboard.media.rtp;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Server settings of the RTP relay: the local address its sockets bind, the port range, the media timeout, the
 * latching rule, the transport and the number of {@code rtp-io-} event loops.
 *
 * <p>Immutable: any thread may use it.
 */
public record RelaySettings(
        InetAddress bindAddress,
        int portMin,
        int portMax,
        Duration mediaTimeout,
        LatchingRule latching,
        RelayTransport transport,
        int ioThreads) {
    /** Validates the timeout and thread count; the port range is checked by {@link RtpPortPool}. */
    public RelaySettings {
        if (mediaTimeout.isNegative() || mediaTimeout.isZero()) {
            throw new IllegalArgumentException("mediaTimeout must be positive: " + mediaTimeout);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport + " is not available on this machine");
        }
    }
}
