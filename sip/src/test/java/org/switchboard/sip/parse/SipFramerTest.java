package org.switchboard.sip.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipParseException;

class SipFramerTest {

    private static final String OPTIONS = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bKabc\r\n"
            + "From: <sip:alice@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\n"
            + "Call-ID: c1@192.0.2.1\r\nCSeq: 1 OPTIONS\r\n";

    private static String withBody(String body) {
        return OPTIONS + "l: " + body.length() + "\r\n\r\n" + body;
    }

    private static List<Frame> drain(SipFramer framer, ByteBuf in) {
        List<Frame> out = new ArrayList<>();
        for (Optional<Frame> f = framer.next(in); f.isPresent(); f = framer.next(in)) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void cutsBackToBackMessagesByContentLength() {
        String a = withBody("hello");
        String b = withBody("");
        ByteBuf in = Unpooled.copiedBuffer(a + b, StandardCharsets.UTF_8);
        List<Frame> frames = drain(new SipFramer(), in);
        assertThat(frames).hasSize(2);
        assertThat(new String(((Frame.Message) frames.get(0)).bytes(), StandardCharsets.UTF_8)).isEqualTo(a);
        assertThat(SipParser.DEFAULT.parse(((Frame.Message) frames.get(1)).bytes()).contentLength()).isZero();
        assertThat(in.readableBytes()).isZero();
    }

    @Test
    void messageArrivingOneByteAtATimeIsFramedOnceComplete() {
        byte[] all = withBody("v=0\r\n").getBytes(StandardCharsets.UTF_8);
        SipFramer framer = new SipFramer();
        ByteBuf in = Unpooled.buffer();
        List<Frame> frames = new ArrayList<>();
        for (byte b : all) {
            in.writeByte(b);
            frames.addAll(drain(framer, in));
        }
        assertThat(frames).hasSize(1);
        assertThat(((Frame.Message) frames.get(0)).bytes()).isEqualTo(all);
    }

    @Test
    void doubleCrlfIsAPingAndSingleCrlfAPong() {
        ByteBuf in = Unpooled.copiedBuffer("\r\n\r\n" + "\r\n" + withBody(""), StandardCharsets.UTF_8);
        List<Frame> frames = drain(new SipFramer(), in);
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0)).isInstanceOf(Frame.Ping.class);
        assertThat(frames.get(1)).isInstanceOf(Frame.Pong.class);
        assertThat(frames.get(2)).isInstanceOf(Frame.Message.class);
    }

    @Test
    void incompleteBodyWaitsWithoutConsuming() {
        String full = withBody("0123456789");
        ByteBuf in = Unpooled.copiedBuffer(full.substring(0, full.length() - 3), StandardCharsets.UTF_8);
        SipFramer framer = new SipFramer();
        assertThat(framer.next(in)).isEmpty();
        assertThat(in.readerIndex()).isZero();
        in.writeBytes(full.substring(full.length() - 3).getBytes(StandardCharsets.UTF_8));
        assertThat(framer.next(in)).containsInstanceOf(Frame.Message.class);
    }

    @Test
    void headersLongerThanTheLimitAreRejected() {
        SipFramer framer = new SipFramer(1024);
        ByteBuf in = Unpooled.copiedBuffer(OPTIONS + "X: " + "a".repeat(2000), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> framer.next(in)).isInstanceOf(SipParseException.class).hasMessage("Message Too Large");
    }

    @Test
    void announcedBodyBeyondTheLimitIsRejectedBeforeItArrives() {
        SipFramer framer = new SipFramer(1024);
        ByteBuf in = Unpooled.copiedBuffer(OPTIONS + "Content-Length: 5000\r\n\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> framer.next(in)).isInstanceOf(SipParseException.class).hasMessage("Message Too Large");
    }

    @Test
    void invalidContentLengthIsRejected() {
        ByteBuf in = Unpooled.copiedBuffer(OPTIONS + "Content-Length: -1\r\n\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new SipFramer().next(in)).isInstanceOf(SipParseException.class);
    }

    @Test
    void crlfFollowedByGarbageIsAPongAndTheGarbageFailsAsAMessage() {
        ByteBuf in = Unpooled.copiedBuffer("\r\n\rX", StandardCharsets.UTF_8);
        SipFramer framer = new SipFramer();
        assertThat(framer.next(in)).containsInstanceOf(Frame.Pong.class);
        assertThat(framer.next(in)).isEmpty();
    }

    @Test
    void lfOnlyHeaderBlocksAreFramedToo() {
        String lf = withBody("abc").replace("\r\n", "\n");
        ByteBuf in = Unpooled.copiedBuffer(lf + lf, StandardCharsets.UTF_8);
        List<Frame> frames = drain(new SipFramer(), in);
        assertThat(frames).hasSize(2);
        assertThat(SipParser.DEFAULT.parse(((Frame.Message) frames.get(1)).bytes()).bodyAsString()).isEqualTo("abc");
    }
}
