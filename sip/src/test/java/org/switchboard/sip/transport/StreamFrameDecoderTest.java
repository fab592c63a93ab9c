package org.switchboard.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipParseException;

class StreamFrameDecoderTest {
    private static final String OPTIONS = "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\nContent-Length: 4\r\n\r\nbody";

    private final EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(65_535));

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private String nextMessage() {
        byte[] message = channel.readInbound();
        return message == null ? null : new String(message, StandardCharsets.ISO_8859_1);
    }

    @Test
    void twoMessagesInOneSegmentAreCutByContentLength() {
        channel.writeInbound(bytes(OPTIONS + OPTIONS));
        assertThat(nextMessage()).isEqualTo(OPTIONS);
        assertThat(nextMessage()).isEqualTo(OPTIONS);
        assertThat(nextMessage()).isNull();
    }

    @Test
    void aMessageSplitAcrossSegmentsIsEmittedWhenItsBodyIsComplete() {
        channel.writeInbound(bytes(OPTIONS.substring(0, 30)));
        assertThat(nextMessage()).isNull();
        channel.writeInbound(bytes(OPTIONS.substring(30, OPTIONS.length() - 1)));
        assertThat(nextMessage()).isNull();
        channel.writeInbound(bytes(OPTIONS.substring(OPTIONS.length() - 1)));
        assertThat(nextMessage()).isEqualTo(OPTIONS);
    }

    @Test
    void compactContentLengthFormIsHonoured() {
        String compact = "OPTIONS sip:a@b SIP/2.0\r\nl: 2\r\n\r\nok";
        channel.writeInbound(bytes(compact));
        assertThat(nextMessage()).isEqualTo(compact);
    }

    @Test
    void doubleCrlfPingIsAnsweredWithSingleCrlfPong() {
        channel.writeInbound(bytes("\r\n\r\n"));
        ByteBuf pong = channel.readOutbound();
        assertThat(pong.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\r\n");
        pong.release();
        assertThat(nextMessage()).isNull();
    }

    @Test
    void leadingCrlfBeforeAMessageIsSkipped() {
        channel.writeInbound(bytes("\r\n" + OPTIONS));
        assertThat(nextMessage()).isEqualTo(OPTIONS);
        Object outbound = channel.readOutbound();
        assertThat(outbound).as("a lone CRLF is not a ping").isNull();
    }

    @Test
    void unreadableContentLengthFailsTheStream() {
        assertThatThrownBy(() -> channel.writeInbound(bytes("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: x\r\n\r\n")))
                .isInstanceOf(DecoderException.class)
                .hasRootCauseInstanceOf(SipParseException.class);
    }

    @Test
    void headerBlockLongerThanTheLimitFailsTheStream() {
        EmbeddedChannel small = new EmbeddedChannel(new StreamFrameDecoder(1300));
        assertThatThrownBy(() -> small.writeInbound(bytes("OPTIONS sip:a@b SIP/2.0\r\nX: " + "a".repeat(1400))))
                .isInstanceOf(DecoderException.class);
    }
}
