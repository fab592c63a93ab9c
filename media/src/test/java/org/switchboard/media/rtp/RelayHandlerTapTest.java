package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayHandlerTapTest {
    private static final InetSocketAddress PHONE_A = new InetSocketAddress("10.0.0.5", 4000);
    private static final InetSocketAddress PHONE_B = new InetSocketAddress("10.0.0.6", 5000);

    private final RelayStream a = new RelayStream("A rtp", true, LatchingRule.DEFAULT, Ticker.systemTicker());
    private final RelayStream b = new RelayStream("B rtp", true, LatchingRule.DEFAULT, Ticker.systemTicker());
    private final EmbeddedChannel socketB = new EmbeddedChannel();
    private final RelayHandler fromA = new RelayHandler(a, b);
    private final List<String> seen = new ArrayList<>();

    RelayHandlerTapTest() {
        b.attach(socketB);
        b.signal(PHONE_B);
    }

    @AfterEach
    void closeSocket() {
        socketB.finishAndReleaseAll();
    }

    @Test
    void aTappedStreamShowsEachPacketToTheTapAndStillRelaysTheSameBuffer() {
        a.tap(packet -> seen.add(ByteBufUtil.hexDump(packet)));
        ByteBuf packet = rtp(7);
        String bytes = ByteBufUtil.hexDump(packet);

        fromA.relay(PHONE_A, packet);

        assertThat(seen).containsExactly(bytes);
        AddressedEnvelope<?, ?> out = relayed();
        assertThat(out.content()).as("relayed without a copy").isSameAs(packet);
        assertThat(ByteBufUtil.hexDump((ByteBuf) out.content())).isEqualTo(bytes);
        out.release();
    }

    @Test
    void anUntappedStreamRelaysWithoutTheTap() {
        a.tap(packet -> seen.add(ByteBufUtil.hexDump(packet)));
        a.tap(null);

        fromA.relay(PHONE_A, rtp(8));

        assertThat(seen).isEmpty();
        relayed().release();
    }

    private AddressedEnvelope<?, ?> relayed() {
        b.flushIfPending();
        AddressedEnvelope<?, ?> out = socketB.readOutbound();
        assertThat(out).as("the packet went on to B's phone").isNotNull();
        return out;
    }

    private static ByteBuf rtp(int seq) {
        ByteBuf buf = Unpooled.buffer();
        RtpPacket.writeHeader(buf, false, 0, seq, seq * 160L, 0x1234);
        return buf.writeBytes(new byte[160]);
    }
}
