package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RtpRelayIT {
    private static final int PACKETS = 50;

    private final MockTicker ticker = Ticker.newMockTicker();
    private final List<Leg> timeouts = new CopyOnWriteArrayList<>();
    private final UdpPhone phoneA = new UdpPhone();
    private final UdpPhone phoneB = new UdpPhone();
    private RtpRelay relay;

    @AfterEach
    void stop() {
        phoneA.close();
        phoneB.close();
        if (relay != null) {
            relay.close();
        }
    }

    private RelaySession open(RelayTransport transport) {
        assumeTrue(transport.isAvailable(), transport + " not available here");
        // a random range keeps parallel test classes apart; a taken port is skipped by the relay
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        relay = new RtpRelay(
                new RelaySettings(InetAddress.getLoopbackAddress(), min, min + 99, Duration.ofSeconds(30),
                        new LatchingRule(3, Duration.ofMillis(500)), transport, 1),
                ticker);
        return relay.open("test-call", (s, leg) -> timeouts.add(leg)).join();
    }

    private static InetSocketAddress rtcpOf(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }

    private static int sequenceOf(DatagramPacket p) {
        return ByteBuffer.wrap(p.getData(), p.getOffset(), p.getLength()).getShort(2) & 0xFFFF;
    }

    private static void assertReceives(UdpPhone phone, InetSocketAddress from, int firstSeq, int count) {
        for (int i = 0; i < count; i++) {
            DatagramPacket p = phone.receive().orElseThrow(() -> new AssertionError("packet missing"));
            assertThat(p.getSocketAddress()).as("symmetric RTP: sent from the relay port of this leg").isEqualTo(from);
            assertThat(sequenceOf(p)).isEqualTo(firstSeq + i);
        }
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void relaysRtpBothWaysAndCountsIt(RelayTransport transport) {
        RelaySession session = open(transport);
        session.signalPeer(Leg.A, phoneA.address(), rtcpOf(phoneA.address())).join();
        session.signalPeer(Leg.B, phoneB.address(), rtcpOf(phoneB.address())).join();

        for (int i = 0; i < PACKETS; i++) {
            phoneA.sendRtp(session.localRtp(Leg.A), i, 0xA);
        }
        assertReceives(phoneB, session.localRtp(Leg.B), 0, PACKETS);
        for (int i = 0; i < PACKETS; i++) {
            phoneB.sendRtp(session.localRtp(Leg.B), 1000 + i, 0xB);
        }
        assertReceives(phoneA, session.localRtp(Leg.A), 1000, PACKETS);

        RelayStats stats = session.stats().join();
        assertThat(stats.a().rtp().packetsIn()).isEqualTo(PACKETS);
        assertThat(stats.b().rtp().packetsOut()).isEqualTo(PACKETS);
        assertThat(stats.b().rtp().packetsIn()).isEqualTo(PACKETS);
        assertThat(stats.a().rtp().packetsOut()).isEqualTo(PACKETS);
        assertThat(stats.a().rtp().bytesIn()).isEqualTo(PACKETS * 172L);
        assertThat(stats.a().rtp().latchedSource()).contains(phoneA.address());
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void latchesOntoTheRealSourceWhenSdpNamedAnotherAddress(RelayTransport transport) {
        RelaySession session = open(transport);
        // phone A sits behind NAT: its SDP names an address where nothing listens
        InetSocketAddress advertised = new InetSocketAddress("192.0.2.10", 4000);
        session.signalPeer(Leg.A, advertised, rtcpOf(advertised)).join();
        session.signalPeer(Leg.B, phoneB.address(), rtcpOf(phoneB.address())).join();

        phoneA.sendRtp(session.localRtp(Leg.A), 1, 0xA);
        assertReceives(phoneB, session.localRtp(Leg.B), 1, 1);
        phoneB.sendRtp(session.localRtp(Leg.B), 7, 0xB);

        assertReceives(phoneA, session.localRtp(Leg.A), 7, 1);
        LegStats a = session.stats().join().a();
        assertThat(a.rtp().latchedSource()).contains(phoneA.address());
        assertThat(a.rtp().latches()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void acceptsANewSourceOnlyAfterTheLatchedOneWentQuiet(RelayTransport transport) {
        RelaySession session = open(transport);
        session.signalPeer(Leg.B, phoneB.address(), rtcpOf(phoneB.address())).join();
        phoneA.sendRtp(session.localRtp(Leg.A), 1, 0xA);
        assertReceives(phoneB, session.localRtp(Leg.B), 1, 1);

        try (UdpPhone movedA = new UdpPhone()) {
            for (int i = 0; i < 5; i++) {
                movedA.sendRtp(session.localRtp(Leg.A), 100 + i, 0xA);
            }
            await().until(() -> session.stats().join().a().rtp().dropped() == 5);
            ticker.advance(1, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                movedA.sendRtp(session.localRtp(Leg.A), 200 + i, 0xA);
            }
            assertReceives(phoneB, session.localRtp(Leg.B), 202, 1);
            phoneB.sendRtp(session.localRtp(Leg.B), 9, 0xB);
            assertReceives(movedA, session.localRtp(Leg.A), 9, 1);
            assertThat(session.stats().join().a().rtp().latches()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void relaysRtcpOnTheOddPorts(RelayTransport transport) {
        RelaySession session = open(transport);
        session.signalPeer(Leg.B, phoneB.address(), phoneB.address()).join();
        byte[] receiverReport = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 0xA};
        InetSocketAddress rtcpA = rtcpOf(session.localRtp(Leg.A));
        phoneA.send(rtcpA, receiverReport);

        DatagramPacket p = phoneB.receive().orElseThrow(() -> new AssertionError("RTCP not relayed"));
        assertThat(p.getPort()).isEqualTo(session.ports(Leg.B).rtcpPort());
        assertThat(p.getLength()).isEqualTo(8);
        assertThat(session.stats().join().a().rtcp().packetsIn()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void dropsAndCountsDatagramsThatAreNotRtp(RelayTransport transport) {
        RelaySession session = open(transport);
        session.signalPeer(Leg.B, phoneB.address(), rtcpOf(phoneB.address())).join();
        phoneA.send(session.localRtp(Leg.A), new byte[] {'h', 'e', 'l', 'l', 'o'});
        await().until(() -> session.stats().join().a().rtp().dropped() == 1);
        assertThat(session.stats().join().b().rtp().packetsOut()).isZero();
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void reportsASilentLegOnceAfterTheMediaTimeout(RelayTransport transport) {
        RelaySession session = open(transport);
        session.signalPeer(Leg.B, phoneB.address(), rtcpOf(phoneB.address())).join();
        session.expectMedia(Leg.B, false).join();
        phoneA.sendRtp(session.localRtp(Leg.A), 1, 0xA);
        await().until(() -> session.stats().join().a().rtp().packetsIn() == 1);

        ticker.advance(31, TimeUnit.SECONDS);

        await().until(() -> timeouts.contains(Leg.A));
        assertThat(session.stats().join().a().mediaTimedOut()).isTrue();
        assertThat(timeouts).containsExactly(Leg.A);
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void closingReturnsEveryPortPair(RelayTransport transport) {
        RelaySession session = open(transport);
        int whileOpen = relay.availablePortPairs();
        RelaySession second = relay.open("second", (s, leg) -> {}).join();
        assertThat(relay.availablePortPairs()).isEqualTo(whileOpen - 2);
        session.close().join();
        second.close().join();
        assertThat(relay.availablePortPairs()).isEqualTo(50);
    }

    @Test
    void skipsPortsHeldByAnotherProcess() throws Exception {
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        try (DatagramSocket squatter =
                new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), min))) {
            relay = new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), min, min + 5,
                    Duration.ofSeconds(30), LatchingRule.DEFAULT, RelayTransport.NIO, 1), ticker);
            RelaySession session = relay.open("squatted", (s, leg) -> {}).join();
            assertThat(session.ports(Leg.A).rtpPort()).isNotEqualTo(min);
            assertThat(session.ports(Leg.B).rtpPort()).isNotEqualTo(min);
            assertThat(squatter.getLocalPort()).isEqualTo(min);
        }
    }

    @Test
    void failsWithATypedErrorWhenNoPortPairIsFree() {
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        relay = new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), min, min + 1,
                Duration.ofSeconds(30), LatchingRule.DEFAULT, RelayTransport.NIO, 1), ticker);
        assertThat(relay.open("too many", (s, leg) -> {}))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(MediaUnavailableException.class);
        assertThat(relay.availablePortPairs()).isEqualTo(1);
    }
}
