package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipUri;

/** What an originate may be asked to ring, and the auto-answer header fields it can add. */
class OriginateRequestTest {
    private static final NameAddress FROM = NameAddress.of(SipUri.of("1001", "pbx.test"));
    private static final NameAddress TO = NameAddress.of(SipUri.of("1002", "pbx.test"));
    private static final OriginateTarget PHONE = OriginateTarget.of(SipUri.parse("sip:1002@127.0.0.1:5070"));

    @Test
    void aSipUriTargetIsSentToItsHostAndPort() {
        assertThat(PHONE.hop().address().getPort()).isEqualTo(5070);
        assertThatThrownBy(() -> OriginateTarget.of(SipUri.parse("sip:1002@phone.example")))
                .as("a host name would need DNS").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoAnswerAddsBothFormsPhonesUnderstand() {
        OriginateRequest request = new OriginateRequest(List.of(PHONE), FROM, TO, new byte[0], List.of(),
                Duration.ofSeconds(20)).withHeaders(OriginateRequest.AUTO_ANSWER);

        assertThat(request.headers()).extracting(Header::name).containsExactly("Call-Info", "Alert-Info");
        assertThat(request.headers()).extracting(Header::value)
                .anySatisfy(v -> assertThat(v).endsWith(";answer-after=0"))
                .anySatisfy(v -> assertThat(v).endsWith(";info=alert-autoanswer"));
    }

    @Test
    void anOriginateNeedsATargetAndARingTime() {
        assertThatThrownBy(() -> new OriginateRequest(List.of(), FROM, TO, new byte[0], List.of(), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OriginateRequest(List.of(PHONE), FROM, TO, new byte[0], List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
