package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayStreamTest {
    private static final InetSocketAddress SDP_PEER = new InetSocketAddress("10.0.0.5", 4000);
    private static final InetSocketAddress NATTED = new InetSocketAddress("198.51.100.7", 31000);
    private static final InetSocketAddress OTHER = new InetSocketAddress("198.51.100.7", 31002);

    private final MockTicker ticker = Ticker.newMockTicker();
    private final RelayStream stream =
            new RelayStream("test A rtp", true, new LatchingRule(3, Duration.ofMillis(500)), ticker);
    private final EmbeddedChannel socket = new EmbeddedChannel();

    RelayStreamTest() {
        stream.attach(socket);
    }

    @AfterEach
    void closeSocket() {
        socket.finishAndReleaseAll();
    }

    private static ByteBuf rtp(int seq) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, 0, seq, seq * 160L, 0x1234);
        b.writeZero(160);
        return b;
    }

    private InetSocketAddress sentTo() {
        stream.flushIfPending();
        AddressedEnvelope<?, ?> out = socket.readOutbound();
        assertThat(out).as("a packet was written to the leg's socket").isNotNull();
        InetSocketAddress to = (InetSocketAddress) out.recipient();
        out.release();
        return to;
    }

    @Test
    void firstPacketLatchesItsSourceEvenWhenSdpSaidOtherwise() {
        stream.signal(SDP_PEER);
        assertThat(stream.accept(NATTED, rtp(1))).isTrue();
        assertThat(stream.snapshot().latchedSource()).contains(NATTED);
        assertThat(stream.snapshot().latches()).isEqualTo(1);
    }

    @Test
    void sendsToTheSdpAddressUntilLatchedThenToTheLatchedSource() {
        stream.signal(SDP_PEER);
        stream.send(rtp(1));
        assertThat(sentTo()).isEqualTo(SDP_PEER);
        stream.accept(NATTED, rtp(2));
        stream.send(rtp(3));
        assertThat(sentTo()).isEqualTo(NATTED);
        assertThat(stream.snapshot().packetsOut()).isEqualTo(2);
    }

    @Test
    void anotherSourceIsDroppedWhileTheLatchedOneIsActive() {
        stream.accept(NATTED, rtp(1));
        for (int i = 0; i < 10; i++) {
            assertThat(stream.accept(OTHER, rtp(100 + i))).isFalse();
        }
        assertThat(stream.snapshot().latchedSource()).contains(NATTED);
        assertThat(stream.snapshot().dropped()).isEqualTo(10);
    }

    @Test
    void anotherSourceTakesOverAfterTheQuietTimeAndEnoughPackets() {
        stream.accept(NATTED, rtp(1));
        ticker.advance(500, TimeUnit.MILLISECONDS);
        assertThat(stream.accept(OTHER, rtp(2))).isFalse();
        assertThat(stream.accept(OTHER, rtp(3))).isFalse();
        assertThat(stream.accept(OTHER, rtp(4))).isTrue();
        assertThat(stream.snapshot().latchedSource()).contains(OTHER);
        assertThat(stream.snapshot().latches()).isEqualTo(2);
    }

    @Test
    void aPacketFromTheLatchedSourceResetsTheCandidate() {
        stream.accept(NATTED, rtp(1));
        ticker.advance(600, TimeUnit.MILLISECONDS);
        stream.accept(OTHER, rtp(2));
        stream.accept(OTHER, rtp(3));
        stream.accept(NATTED, rtp(4));
        assertThat(stream.accept(OTHER, rtp(5))).isFalse();
        assertThat(stream.snapshot().latchedSource()).contains(NATTED);
    }

    @Test
    void aNewSdpAddressClearsTheLatch() {
        stream.signal(SDP_PEER);
        stream.accept(NATTED, rtp(1));
        stream.signal(new InetSocketAddress("10.0.0.6", 4000));
        assertThat(stream.accept(OTHER, rtp(2))).isTrue();
        assertThat(stream.snapshot().latchedSource()).contains(OTHER);
    }

    @Test
    void nonRtpIsDroppedAndCounted() {
        assertThat(stream.accept(NATTED, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}))).isFalse();
        assertThat(stream.snapshot().dropped()).isEqualTo(1);
        assertThat(stream.snapshot().latchedSource()).isEmpty();
    }

    @Test
    void countsBytesAndPacketsIn() {
        stream.accept(NATTED, rtp(1));
        stream.accept(NATTED, rtp(2));
        assertThat(stream.snapshot().packetsIn()).isEqualTo(2);
        assertThat(stream.snapshot().bytesIn()).isEqualTo(2 * 172);
    }

    @Test
    void withNowhereToSendThePacketIsReleasedAndCounted() {
        ByteBuf packet = rtp(1);
        stream.send(packet);
        assertThat(packet.refCnt()).isZero();
        assertThat(stream.snapshot().dropped()).isEqualTo(1);
    }

    @Test
    void sentPacketsAreReleasedOnceWrittenAndEnvelopesAreReused() {
        stream.signal(SDP_PEER);
        for (int i = 0; i < 100; i++) {
            ByteBuf packet = rtp(i);
            stream.send(packet);
            stream.flushIfPending();
            AddressedEnvelope<?, ?> out = socket.readOutbound();
            assertThat(out).isInstanceOf(RelayEnvelope.class);
            out.release();
            assertThat(packet.refCnt()).isZero();
        }
    }
}
