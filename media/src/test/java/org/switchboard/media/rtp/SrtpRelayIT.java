package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.media.srtp.SrtpContext;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/**
 * A relay session (on each transport) bridging an SRTP leg (A) to a plain RTP leg (B) on real sockets: what A protects reaches B in
 * the clear, what B sends reaches A protected under the PBX's key, and forged or replayed packets from A's side
 * are refused and counted without latching.
 */
class SrtpRelayIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;

    private final MockTicker ticker = Ticker.newMockTicker();
    private final UdpPhone phoneA = new UdpPhone();
    private final UdpPhone phoneB = new UdpPhone();
    private final SrtpMasterKey phoneKey = SrtpMasterKey.generate(RANDOM);
    private final SrtpMasterKey pbxKey = SrtpMasterKey.generate(RANDOM);
    private final SrtpContext phoneSends = new SrtpContext(SUITE, phoneKey);
    private final SrtpContext phoneReceives = new SrtpContext(SUITE, pbxKey);
    private RtpRelay relay;
    private RelaySession session;

    private void open(RelayTransport transport) {
        assumeTrue(transport.isAvailable(), transport + " not available here");
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        relay = new RtpRelay(
                new RelaySettings(InetAddress.getLoopbackAddress(), min, min + 99, Duration.ofSeconds(30),
                        new LatchingRule(3, Duration.ofMillis(500)), transport, 1),
                ticker);
        session = relay.open("srtp-call", (s, leg) -> {}).join();
        session.signalPeer(Leg.A, phoneA.address(), rtcpOf(phoneA.address())).join();
        session.signalPeer(Leg.B, phoneB.address(), rtcpOf(phoneB.address())).join();
        session.secure(Leg.A, Optional.of(new SrtpKeys(SUITE, pbxKey, phoneKey))).join();
    }

    @AfterEach
    void stop() {
        phoneA.close();
        phoneB.close();
        if (relay != null) {
            relay.close();
        }
    }

    private static InetSocketAddress rtcpOf(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }

    private static byte[] rtp(int seq, long ssrc, byte fill) {
        ByteBuffer b = ByteBuffer.allocate(172 + SUITE.rtpTagLength());
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt((int) ssrc);
        for (int i = 0; i < 160; i++) {
            b.put(fill);
        }
        return b.array();
    }

    private byte[] protectedByPhone(int seq) {
        byte[] packet = rtp(seq, 0xA, (byte) 0x55);
        int length = phoneSends.protectRtp(packet, 0, 172);
        return Arrays.copyOf(packet, length);
    }

    private static DatagramPacket received(UdpPhone phone) {
        return phone.receive().orElseThrow(() -> new AssertionError("packet missing"));
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void srtpFromTheSecureLegArrivesInTheClearOnThePlainLeg(RelayTransport transport) {
        open(transport);
        for (int seq = 1; seq <= 20; seq++) {
            phoneA.send(session.localRtp(Leg.A), protectedByPhone(seq));
            DatagramPacket p = received(phoneB);
            assertThat(p.getLength()).as("the tag is gone").isEqualTo(172);
            assertThat(p.getData()[12]).as("the payload decrypted").isEqualTo((byte) 0x55);
            assertThat(ByteBuffer.wrap(p.getData()).getShort(2)).isEqualTo((short) seq);
        }
        assertThat(session.stats().join().a().rtp().srtpRejected()).isZero();
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void plainRtpFromThePlainLegReachesTheSecureLegProtectedUnderThePbxKey(RelayTransport transport) {
        open(transport);
        for (int seq = 100; seq < 120; seq++) {
            byte[] plain = rtp(seq, 0xB, (byte) 0x33);
            phoneB.send(session.localRtp(Leg.B), Arrays.copyOf(plain, 172));
            DatagramPacket p = received(phoneA);
            assertThat(p.getLength()).as("an 80-bit tag was added").isEqualTo(172 + 10);
            byte[] data = Arrays.copyOfRange(p.getData(), 0, p.getLength());
            byte[] clear = new byte[160];
            Arrays.fill(clear, (byte) 0x33);
            assertThat(Arrays.copyOfRange(data, 12, 172)).as("the payload is encrypted on the wire").isNotEqualTo(clear);
            assertThat(phoneReceives.unprotectRtp(data, 0, data.length)).isEqualTo(172);
            assertThat(data[12]).isEqualTo((byte) 0x33);
        }
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void forgedAndReplayedPacketsAreRefusedBeforeTheyCanLatch(RelayTransport transport) {
        open(transport);
        phoneA.send(session.localRtp(Leg.A), protectedByPhone(1));
        received(phoneB);
        byte[] second = protectedByPhone(2);
        byte[] tampered = second.clone();
        tampered[20] ^= 1;
        UdpPhone stranger = new UdpPhone();
        try {
            stranger.send(session.localRtp(Leg.A), tampered);
            byte[] third = protectedByPhone(3);
            phoneA.send(session.localRtp(Leg.A), third);
            phoneA.send(session.localRtp(Leg.A), third); // the same packet again: a replay
        } finally {
            stranger.close();
        }
        DatagramPacket p = received(phoneB);
        assertThat(ByteBuffer.wrap(p.getData()).getShort(2)).as("only the authentic seq 3 got through").isEqualTo((short) 3);
        StreamStats a = statsOfAOnceRejected(2);
        assertThat(a.srtpRejected()).isEqualTo(2);
        assertThat(a.latchedSource()).contains(phoneA.address());
        assertThat(a.packetsIn()).isEqualTo(2);
    }

    /** Leg A's RTP counters once {@code count} packets were refused (the replay may still be on its way), or after 5 s. */
    private StreamStats statsOfAOnceRejected(long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        StreamStats a = session.stats().join().a().rtp();
        while (a.srtpRejected() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            a = session.stats().join().a().rtp();
        }
        return a;
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void srtcpIsUnprotectedOnTheWayToThePlainLeg(RelayTransport transport) {
        open(transport);
        ByteBuffer rr = ByteBuffer.allocate(8 + 4 + SUITE.rtcpTagLength());
        rr.put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(0xA);
        byte[] packet = rr.array();
        session.signalPeer(Leg.B, phoneB.address(), phoneB.address()).join(); // B's RTCP to the socket we read
        int length = phoneSends.protectRtcp(packet, 0, 8);
        phoneA.send(rtcpOf(session.localRtp(Leg.A)), Arrays.copyOf(packet, length));
        DatagramPacket p = received(phoneB);
        assertThat(p.getLength()).as("SRTCP index and tag removed").isEqualTo(8);
        assertThat(p.getData()[1]).isEqualTo((byte) 201);
    }

    @ParameterizedTest
    @EnumSource(RelayTransport.class)
    void backToPlainRtpWhenTheKeysAreWithdrawn(RelayTransport transport) {
        open(transport);
        session.secure(Leg.A, Optional.empty()).join();
        byte[] plain = Arrays.copyOf(rtp(7, 0xA, (byte) 0x11), 172);
        phoneA.send(session.localRtp(Leg.A), plain);
        DatagramPacket p = received(phoneB);
        assertThat(p.getLength()).isEqualTo(172);
        assertThat(p.getData()[12]).isEqualTo((byte) 0x11);
    }
}
