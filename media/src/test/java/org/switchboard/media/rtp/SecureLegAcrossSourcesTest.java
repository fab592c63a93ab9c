package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.srtp.SrtpContext;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/**
 * Leg B is SRTP; its phone hears phone A (plain), then a prompt a PBX endpoint sends onto the leg, then A again,
 * while the sequence numbers cross 65535. Phone B's SRTP context, which knows only the PBX's key for the leg,
 * decrypts every packet as one stream: the rewriting happens before the protection, under one SSRC whose
 * rollover counter the receiver can follow.
 */
class SecureLegAcrossSourcesTest {
    private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InetSocketAddress PHONE_A = new InetSocketAddress("10.0.0.5", 4000);
    private static final InetSocketAddress PHONE_B = new InetSocketAddress("10.0.0.6", 5000);
    private static final long SSRC_A = 0xA;
    private static final long SSRC_PROMPT = 0xE;

    private final MockTicker ticker = Ticker.newMockTicker();
    private final SrtpMasterKey pbxKey = SrtpMasterKey.generate(RANDOM);
    private final SrtpMasterKey phoneKey = SrtpMasterKey.generate(RANDOM);
    private final RelayStream a = new RelayStream("A rtp", LatchingRule.DEFAULT, ticker, new OutgoingStream());
    private final RelayStream b = new RelayStream("B rtp", LatchingRule.DEFAULT, ticker, new OutgoingStream());
    private final EmbeddedChannel socketB = new EmbeddedChannel();
    private final RelayHandler fromA = new RelayHandler(a, b);
    private final SrtpContext phoneB = new SrtpContext(SUITE, pbxKey);
    private final List<Integer> sequences = new ArrayList<>();
    private final List<Long> ssrcs = new ArrayList<>();
    private final List<Integer> fills = new ArrayList<>();

    SecureLegAcrossSourcesTest() {
        b.attach(socketB);
        b.signal(PHONE_B);
        b.secure(LegSecurity.of(new SrtpKeys(SUITE, pbxKey, phoneKey)));
    }

    @AfterEach
    void closeSocket() {
        socketB.finishAndReleaseAll();
    }

    @Test
    void phoneBDecryptsOneContinuousStreamAcrossAPromptAndASequenceWrap() {
        for (int seq = 65528; seq < 65533; seq++) {
            fromA.relay(PHONE_A, rtp(SSRC_A, seq, 0x11));
            receiveAtB();
        }
        b.divert(packet -> packet.release());
        for (int seq = 40; seq < 45; seq++) {
            fromA.relay(PHONE_A, rtp(SSRC_A, seq + 65493, 0x11)); // A goes on talking: not to B now
            b.send(rtp(SSRC_PROMPT, seq, 0x22));
            receiveAtB();
        }
        b.undivert();
        for (int seq = 65538; seq < 65543; seq++) {
            fromA.relay(PHONE_A, rtp(SSRC_A, seq & 0xFFFF, 0x11));
            receiveAtB();
        }

        assertThat(sequences).as("one run of sequence numbers across both switches and the wrap")
                .containsExactlyElementsOf(IntStream.range(65528, 65543).mapToObj(s -> s & 0xFFFF).toList());
        assertThat(ssrcs).as("one SSRC: A's, the first source the leg carried").containsOnly(SSRC_A);
        assertThat(fills).containsExactly(0x11, 0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x22, 0x22, 0x22,
                0x11, 0x11, 0x11, 0x11, 0x11);
    }

    /** Takes the packet B's socket sent, decrypts it as phone B does, and notes what it carried. */
    private void receiveAtB() {
        b.flushIfPending();
        AddressedEnvelope<?, ?> out = socketB.readOutbound();
        assertThat(out).as("a packet went to phone B").isNotNull();
        ByteBuf packet = (ByteBuf) out.content();
        int length = phoneB.unprotectRtp(packet);
        assertThat(length).as("phone B decrypts packet %d", sequences.size()).isPositive();
        sequences.add(RtpPacket.sequenceNumber(packet));
        ssrcs.add(RtpPacket.ssrc(packet));
        fills.add((int) packet.getUnsignedByte(packet.readerIndex() + RtpPacket.FIXED_HEADER_LENGTH));
        out.release();
        ticker.advance(20, TimeUnit.MILLISECONDS);
    }

    private static ByteBuf rtp(long ssrc, int seq, int fill) {
        ByteBuf packet = Unpooled.buffer(200);
        RtpPacket.writeHeader(packet, false, 0, seq, seq * 160L, ssrc);
        for (int i = 0; i < 160; i++) {
            packet.writeByte(fill);
        }
        return packet;
    }
}
