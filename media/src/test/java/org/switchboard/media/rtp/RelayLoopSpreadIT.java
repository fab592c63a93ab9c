package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How sessions spread over the {@code rtp-io-} loops: evenly, so no loop carries more calls than its share, and
 * each session's four sockets on its one loop, so relaying a packet to the other leg is a direct write on the
 * same thread, never a task handed to another loop.
 */
class RelayLoopSpreadIT {
    private static final int LOOPS = 4;
    private static final int SESSIONS = 12;

    private RtpRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void sessionsSpreadEvenlyAndEachKeepsItsFourSocketsOnItsLoop(RelayTransport transport) {
        assumeTrue(transport.isAvailable(), transport + " not available here");
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        relay = new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), min, min + 4 * SESSIONS + 3,
                Duration.ofSeconds(30), LatchingRule.DEFAULT, transport, LOOPS));
        List<RelaySession> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(relay.open("call-" + i, (s, leg) -> { }).join());
        }

        Map<EventLoop, Integer> perLoop = new HashMap<>();
        for (RelaySession session : sessions) {
            List<Channel> sockets = session.sockets();
            assertThat(sockets).hasSize(4);
            assertThat(sockets).allSatisfy(c -> assertThat(c.eventLoop()).isSameAs(session.eventLoop()));
            perLoop.merge(session.eventLoop(), 1, Integer::sum);
        }
        assertThat(perLoop).hasSize(LOOPS);
        assertThat(perLoop.values()).containsOnly(SESSIONS / LOOPS);
        sessions.forEach(s -> s.close().join());
    }
}
