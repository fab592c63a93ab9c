package org.switchboard.media.endpoint;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.media.rtp.LatchingRule;
import org.switchboard.media.rtp.RelaySettings;
import org.switchboard.media.rtp.RelayTransport;
import org.switchboard.media.rtp.RtpRelay;

/** An RTP relay on 127.0.0.1 for the endpoint ITs, on a small port range of its own picked at random so test classes running at once rarely meet. */
final class LoopbackRelay {
    private LoopbackRelay() {}

    /** A relay with {@code ports} ports (even start), {@code mediaTimeout} and {@code loops} event loops. */
    static RtpRelay start(int ports, Duration mediaTimeout, int loops) {
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        return new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), min, min + ports - 1, mediaTimeout,
                LatchingRule.DEFAULT, RelayTransport.best(), loops));
    }
}
