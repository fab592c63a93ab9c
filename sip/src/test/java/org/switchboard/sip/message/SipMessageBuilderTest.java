package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.parse.SipParser;

class SipMessageBuilderTest {

    private static SipRequest invite() {
        return SipRequest.builder(SipMethod.INVITE, SipUri.of("bob", "biloxi.example.com"))
                .via(Via.of("UDP", "pc33.atlanta.example.com", OptionalInt.of(5060), "z9hG4bK776asdhds"))
                .maxForwards(70)
                .to(NameAddress.of(SipUri.of("bob", "biloxi.example.com")))
                .from(NameAddress.of(SipUri.of("alice", "atlanta.example.com")).withTag("1928301774"))
                .callId("a84b4c76e66710@pc33.atlanta.example.com")
                .cseq(314159)
                .contact(NameAddress.of(SipUri.of("alice", "pc33.atlanta.example.com")))
                .body("application/sdp", "v=0\r\n".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void builtRequestSerializesWithCorrectContentLengthAndParsesBackEqual() {
        SipRequest r = invite();
        String wire = new String(r.toBytes(), StandardCharsets.UTF_8);
        assertThat(wire).startsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n").contains("Content-Length: 5\r\n\r\nv=0\r\n");
        assertThat(SipParser.DEFAULT.parse(r.toBytes())).isEqualTo(r);
    }

    @Test
    void writeToByteBufProducesTheSameBytes() {
        SipRequest r = invite();
        ByteBuf buf = Unpooled.buffer();
        try {
            r.writeTo(buf);
            byte[] written = new byte[buf.readableBytes()];
            buf.readBytes(written);
            assertThat(written).isEqualTo(r.toBytes());
        } finally {
            buf.release();
        }
    }

    @Test
    void responseCopiesViaFromToCallIdCSeqAndAddsToTagOnlyWhenAsked() {
        SipRequest r = SipParser.DEFAULT.parse(invite().withViaPushed(Via.of("TCP", "proxy.example.com", OptionalInt.empty(), "z9hG4bKp")).toBytes()) instanceof SipRequest q ? q : null;
        SipResponse ringing = r.createResponse(180);
        assertThat(ringing.reason()).isEqualTo("Ringing");
        assertThat(ringing.vias()).isEqualTo(r.vias());
        assertThat(ringing.from()).isEqualTo(r.from());
        assertThat(ringing.to()).isEqualTo(r.to());
        assertThat(ringing.callId()).isEqualTo(r.callId());
        assertThat(ringing.cseq()).isEqualTo(r.cseq());
        assertThat(ringing.headers().has("Contact")).isFalse();
        assertThat(ringing.to().hasTag()).isFalse();
        SipResponse tagged = ringing.withToTag("a6c85cf");
        assertThat(tagged.to().tag()).contains("a6c85cf");
        assertThat(tagged.withToTag("other").to().tag()).contains("a6c85cf");
        assertThat(SipParser.DEFAULT.parse(tagged.toBytes())).isEqualTo(tagged);
    }

    @Test
    void viaPushPopAndTopViaRewrite() {
        SipRequest r = invite();
        Via proxy = Via.of("UDP", "proxy.example.com", OptionalInt.empty(), "z9hG4bKp1");
        SipRequest pushed = r.withViaPushed(proxy);
        assertThat(pushed.topVia()).contains(proxy);
        assertThat(pushed.vias()).hasSize(2);
        assertThat(pushed.withViaPopped()).isEqualTo(r);
        Via received = r.topVia().orElseThrow().withReceived("192.0.2.4").withRport(5070);
        SipRequest rewritten = r.withTopVia(received);
        assertThat(rewritten.topVia().orElseThrow().received()).contains("192.0.2.4");
        assertThat(rewritten.topVia().orElseThrow().rport()).hasValue(5070);
    }

    @Test
    void poppingTheFirstOfSeveralViasOnOneLineKeepsTheRest() {
        SipRequest r = invite().withHeaderReplaced("Via",
                "SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com;branch=z9hG4bK2");
        assertThat(r.withViaPopped().vias()).extracting(Via::host).containsExactly("b.example.com");
    }

    @Test
    void headerEditsAddReplaceRemove() {
        SipRequest r = invite().withHeader("X-Trace", "1").withHeader("x-trace", "2");
        assertThat(r.headers().all("X-Trace")).containsExactly("1", "2");
        assertThat(r.withHeaderReplaced("X-TRACE", "3").headers().all("X-Trace")).containsExactly("3");
        assertThat(r.withoutHeader("x-trace").headers().has("X-Trace")).isFalse();
        assertThat(r.withoutHeader("v").vias()).isEmpty();
    }

    @Test
    void contentLengthCannotBeSetByHand() {
        assertThatThrownBy(() -> invite().withHeader("l", "9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodyChangeKeepsContentLengthRight() {
        SipRequest r = invite().withBody("application/sdp", new byte[300]);
        assertThat(r.contentLength()).isEqualTo(300);
        assertThat(new String(r.toBytes(), StandardCharsets.US_ASCII)).contains("Content-Length: 300\r\n");
        SipRequest none = r.withBody("", new byte[0]);
        assertThat(none.contentType()).isEmpty();
        assertThat(new String(none.toBytes(), StandardCharsets.US_ASCII)).contains("Content-Length: 0\r\n");
    }

    @Test
    void builderRejectsMissingOrInconsistentEssentials() {
        assertThatThrownBy(() -> SipRequest.builder(SipMethod.BYE, SipUri.ofHost("example.com")).build())
                .isInstanceOf(SipParseException.class).hasMessage("Missing From");
        assertThatThrownBy(() -> SipRequest.builder(SipMethod.BYE, SipUri.ofHost("example.com"))
                        .from(NameAddress.of(SipUri.ofHost("a.example.com")))
                        .to(NameAddress.of(SipUri.ofHost("b.example.com")))
                        .callId("x")
                        .header("CSeq", "1 INVITE")
                        .build())
                .isInstanceOf(SipParseException.class).hasMessage("CSeq method does not match request method");
    }

    @Test
    void headerValuesCannotSmuggleLineBreaks() {
        assertThatThrownBy(() -> invite().withHeader("Subject", "a\r\nVia: evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invite().withHeader("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestUriCanBeRetargeted() {
        SipRequest r = invite().withRequestUri(SipUri.parse("sip:bob@192.0.2.44:5062;transport=tcp"));
        assertThat(SipParser.DEFAULT.parse(r.toBytes())).isEqualTo(r);
        assertThat(new String(r.toBytes(), StandardCharsets.US_ASCII)).startsWith("INVITE sip:bob@192.0.2.44:5062;transport=tcp SIP/2.0\r\n");
    }
}
