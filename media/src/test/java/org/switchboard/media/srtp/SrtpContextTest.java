package org.switchboard.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SrtpContextTest {
    private static final HexFormat HEX = HexFormat.of();
    // the key, packets and results of libsrtp's own known-answer test (test/srtp_driver.c): an independent implementation
    private static final SrtpMasterKey LIBSRTP_KEY = SrtpMasterKey.of(
            HEX.parseHex("e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6"));
    private static final String RTP_PLAIN = "800f1234decafbadcafebabe" + "ab".repeat(16);
    private static final String SRTP_CIPHER =
            "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb";
    private static final String RTCP_PLAIN = "81c8000bcafebabe" + "ab".repeat(16);
    private static final String SRTCP_CIPHER =
            "81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798";

    private final SrtpMasterKey key = SrtpMasterKey.generate(new SecureRandom());

    @Test
    void protectsAsLibsrtpDoes() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, LIBSRTP_KEY);
        byte[] p = withRoom(HEX.parseHex(RTP_PLAIN));

        int length = tx.protectRtp(p, 0, 28);

        assertThat(HEX.formatHex(p, 0, length)).isEqualTo(SRTP_CIPHER);
    }

    @Test
    void unprotectsLibsrtpsPackets() {
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, LIBSRTP_KEY);
        byte[] p = HEX.parseHex(SRTP_CIPHER);

        assertThat(rx.unprotectRtp(p, 0, p.length)).isEqualTo(28);
        assertThat(HEX.formatHex(p, 0, 28)).isEqualTo(RTP_PLAIN);
    }

    @Test
    void srtcpMatchesLibsrtpsWithEFlagAndIndex() {
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, LIBSRTP_KEY);
        byte[] in = HEX.parseHex(SRTCP_CIPHER);
        assertThat(rx.unprotectRtcp(in, 0, in.length)).isEqualTo(24);
        assertThat(HEX.formatHex(in, 0, 24)).isEqualTo(RTCP_PLAIN);

        // libsrtp's first index is 1 (RFC 3711 says start at 0): our second packet is its first
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, LIBSRTP_KEY);
        byte[] first = withRoom(HEX.parseHex(RTCP_PLAIN));
        assertThat(tx.protectRtcp(first, 0, 24)).isEqualTo(38);
        assertThat(HEX.formatHex(first, 24, 28)).isEqualTo("80000000");
        byte[] second = withRoom(HEX.parseHex(RTCP_PLAIN));
        assertThat(HEX.formatHex(second, 0, tx.protectRtcp(second, 0, 24))).isEqualTo(SRTCP_CIPHER);
    }

    @Test
    void roundTripsBothSuitesWithCsrcsAndExtension() {
        for (SrtpSuite suite : SrtpSuite.values()) {
            SrtpContext tx = new SrtpContext(suite, key);
            SrtpContext rx = new SrtpContext(suite, key);
            byte[] plain = rtp(7, 0x11223344, 160);
            plain[0] = (byte) 0x92; // X bit and 2 CSRCs
            plain[20] = (byte) 0xbe;
            plain[21] = (byte) 0xde;
            plain[22] = 0;
            plain[23] = 1; // one word of extension: the header is 28 bytes
            byte[] p = withRoom(plain);

            int length = tx.protectRtp(p, 0, plain.length);
            assertThat(length).isEqualTo(plain.length + suite.rtpTagLength());
            assertThat(Arrays.copyOf(p, 28)).isEqualTo(Arrays.copyOf(plain, 28)); // the header stays clear
            assertThat(Arrays.copyOfRange(p, 28, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 28, plain.length));

            assertThat(rx.unprotectRtp(p, 0, length)).isEqualTo(plain.length);
            assertThat(Arrays.copyOf(p, plain.length)).isEqualTo(plain);
        }
    }

    @Test
    void rejectsATamperedPacketOrTagAndStillAcceptsTheGenuineOne() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key);
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key);
        byte[] p = withRoom(rtp(1, 5, 160));
        int length = tx.protectRtp(p, 0, 172);

        for (int at : new int[] {2, 50, length - 1}) { // header, payload, tag
            byte[] forged = p.clone();
            forged[at] ^= 1;
            assertThat(rx.unprotectRtp(forged, 0, length)).isEqualTo(SrtpContext.AUTH_FAILED);
        }
        assertThat(rx.authFailures()).isEqualTo(3);
        assertThat(rx.unprotectRtp(p, 0, length)).isEqualTo(172);
    }

    @Test
    void rejectsAReplayedPacket() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        byte[] p = withRoom(rtp(100, 5, 160));
        int length = tx.protectRtp(p, 0, 172);
        byte[] copy = p.clone();

        assertThat(rx.unprotectRtp(p, 0, length)).isEqualTo(172);
        assertThat(rx.unprotectRtp(copy, 0, length)).isEqualTo(SrtpContext.REPLAYED);
        assertThat(rx.replays()).isEqualTo(1);
        // and the sender refuses to reuse a keystream for the same index
        assertThat(tx.protectRtp(withRoom(rtp(100, 5, 160)), 0, 172)).isEqualTo(SrtpContext.REPLAYED);
    }

    @Test
    void acceptsOutOfOrderPacketsInsideTheWindowOnceAndRefusesOlderOnes() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        byte[][] packets = new byte[200][];
        for (int seq = 0; seq < 200; seq++) {
            packets[seq] = withRoom(rtp(seq, 9, 160));
            assertThat(tx.protectRtp(packets[seq], 0, 172)).isEqualTo(182);
        }
        int[] order = {0, 3, 1, 2, 150, 149, 20, 199, 72, 71};
        int[] expected = {172, 172, 172, 172, 172, 172, SrtpContext.REPLAYED, 172, 172, SrtpContext.REPLAYED};
        for (int i = 0; i < order.length; i++) {
            assertThat(rx.unprotectRtp(packets[order[i]].clone(), 0, 182)).as("seq %d", order[i]).isEqualTo(expected[i]);
        }
        assertThat(rx.unprotectRtp(packets[149].clone(), 0, 182)).isEqualTo(SrtpContext.REPLAYED);
    }

    @Test
    void rollsTheRocOverAtSequence65535AndKeepsDecrypting() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        byte[] late = null;
        for (int n = 0; n < 40; n++) {
            int seq = (65520 + n) & 0xffff;
            byte[] plain = rtp(seq, 77, 160);
            plain[20] = (byte) n;
            byte[] p = withRoom(plain);
            int length = tx.protectRtp(p, 0, 172);
            if (seq == 65534) {
                late = p; // delivered after the wrap: must use ROC 0, not 1
                continue;
            }
            assertThat(rx.unprotectRtp(p, 0, length)).as("seq %d", seq).isEqualTo(172);
            assertThat(Arrays.copyOf(p, 172)).isEqualTo(plain);
        }
        byte[] lateCopy = late.clone();
        assertThat(rx.unprotectRtp(late, 0, 182)).isEqualTo(172);
        assertThat(late[20]).isEqualTo((byte) 14);
        assertThat(rx.unprotectRtp(lateCopy, 0, 182)).isEqualTo(SrtpContext.REPLAYED);

        // a receiver that assumed ROC 0 after the wrap would fail authentication: the ROC is in the tag
        SrtpContext fresh = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        byte[] afterWrap = withRoom(rtp(100, 77, 160));
        int length = tx.protectRtp(afterWrap, 0, 172);
        assertThat(fresh.unprotectRtp(afterWrap, 0, length)).isEqualTo(SrtpContext.AUTH_FAILED);
    }

    @Test
    void rtcpIsAuthenticatedAndProtectedAgainstReplay() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key);
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key);
        byte[] plain = HEX.parseHex(RTCP_PLAIN);
        byte[] p = withRoom(plain);
        int length = tx.protectRtcp(p, 0, plain.length);
        assertThat(length).isEqualTo(plain.length + 4 + 10); // SRTCP keeps the 80-bit tag with the _32 suite

        byte[] forged = p.clone();
        forged[10] ^= 1;
        assertThat(rx.unprotectRtcp(forged, 0, length)).isEqualTo(SrtpContext.AUTH_FAILED);
        byte[] copy = p.clone();
        assertThat(rx.unprotectRtcp(p, 0, length)).isEqualTo(plain.length);
        assertThat(Arrays.copyOf(p, plain.length)).isEqualTo(plain);
        assertThat(rx.unprotectRtcp(copy, 0, length)).isEqualTo(SrtpContext.REPLAYED);
    }

    @Test
    void carriesAndChecksTheMki() {
        SrtpMasterKey withMki = SrtpMasterKey.of(key.keyAndSalt(), 1 << 20, new byte[] {0, 0, 0, 1});
        SrtpMasterKey otherMki = SrtpMasterKey.of(key.keyAndSalt(), 1 << 20, new byte[] {0, 0, 0, 2});
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, withMki);
        byte[] p = withRoom(rtp(3, 4, 160));
        int length = tx.protectRtp(p, 0, 172);
        assertThat(length).isEqualTo(172 + 4 + 10);
        assertThat(HEX.formatHex(p, 172, 176)).isEqualTo("00000001");

        assertThat(new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, otherMki).unprotectRtp(p.clone(), 0, length))
                .isEqualTo(SrtpContext.WRONG_MKI);
        assertThat(new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, withMki).unprotectRtp(p, 0, length))
                .isEqualTo(172);
    }

    @Test
    void stopsProtectingWhenTheKeyLifetimeIsUsedUp() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80,
                SrtpMasterKey.of(key.keyAndSalt(), 2, new byte[0]));
        assertThat(tx.protectRtp(withRoom(rtp(1, 1, 160)), 0, 172)).isPositive();
        assertThat(tx.protectRtp(withRoom(rtp(2, 1, 160)), 0, 172)).isPositive();
        assertThat(tx.protectRtp(withRoom(rtp(3, 1, 160)), 0, 172)).isEqualTo(SrtpContext.KEY_EXPIRED);
    }

    @Test
    void rejectsMalformedPacketsWithoutThrowing() {
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        assertThat(rx.unprotectRtp(new byte[21], 0, 21)).isEqualTo(SrtpContext.MALFORMED);
        byte[] hugeExtension = rtp(1, 1, 20);
        hugeExtension[0] = (byte) 0x90;
        hugeExtension[14] = (byte) 0xff;
        assertThat(rx.unprotectRtp(hugeExtension, 0, hugeExtension.length)).isEqualTo(SrtpContext.MALFORMED);
        assertThat(rx.unprotectRtcp(new byte[17], 0, 17)).isEqualTo(SrtpContext.MALFORMED);
    }

    @Test
    void worksInPlaceOnHeapAndDirectBuffers() {
        SrtpContext tx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
        byte[] plain = rtp(10, 3, 160);
        ByteBuf heap = Unpooled.buffer(256).writeBytes(plain);
        ByteBuf direct = Unpooled.directBuffer(256);
        try {
            heap.readerIndex(0);
            assertThat(tx.protectRtp(heap)).isEqualTo(182);
            direct.writeBytes(heap);
            assertThat(rx.unprotectRtp(direct)).isEqualTo(172);
            byte[] out = new byte[direct.readableBytes()];
            direct.getBytes(direct.readerIndex(), out);
            assertThat(out).isEqualTo(plain);
        } finally {
            heap.release();
            direct.release();
        }
    }

    /** An RTP packet of PCMU with a 12-byte header and a patterned payload. */
    static byte[] rtp(int seq, int ssrc, int payload) {
        byte[] p = new byte[12 + payload];
        p[0] = (byte) 0x80;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (i * 7);
        }
        return p;
    }

    private static byte[] withRoom(byte[] packet) {
        return Arrays.copyOf(packet, packet.length + 64);
    }
}
