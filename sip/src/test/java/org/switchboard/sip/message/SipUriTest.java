package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SipUriTest {

    @Test
    void fullSipUriIsSplitIntoItsParts() {
        SipUri u = SipUri.parse("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr?subject=hi&priority=urgent");
        assertThat(u.secure()).isTrue();
        assertThat(u.user()).contains("alice");
        assertThat(u.password()).contains("secret");
        assertThat(u.host()).isEqualTo("atlanta.example.com");
        assertThat(u.port()).hasValue(5061);
        assertThat(u.transport()).contains("tcp");
        assertThat(u.isLooseRouting()).isTrue();
        assertThat(u.headers()).contains("subject=hi&priority=urgent");
        assertThat(u.toString()).isEqualTo("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr?subject=hi&priority=urgent");
    }

    @Test
    void ipv6HostKeepsItsBracketsAndPortFollows() {
        SipUri u = SipUri.parse("sip:bob@[2001:db8::10]:5070;maddr=[2001:db8::1]");
        assertThat(u.host()).isEqualTo("[2001:db8::10]");
        assertThat(u.port()).hasValue(5070);
        assertThat(u.parameters().get("maddr")).contains("[2001:db8::1]");
    }

    @Test
    void ipv4AndNameHostsWithoutUser() {
        assertThat(SipUri.parse("sip:192.0.2.4").host()).isEqualTo("192.0.2.4");
        assertThat(SipUri.parse("sip:192.0.2.4").user()).isEmpty();
        assertThat(SipUri.parse("sip:registrar.example.com;lr").isLooseRouting()).isTrue();
    }

    @Test
    void telUriWithPhoneContext() {
        Uri u = Uri.parse("tel:7042;phone-context=example.com");
        assertThat(u).isInstanceOf(TelUri.class);
        TelUri t = (TelUri) u;
        assertThat(t.number()).isEqualTo("7042");
        assertThat(t.isGlobal()).isFalse();
        assertThat(t.parameters().get("phone-context")).contains("example.com");
        assertThat(Uri.parse("tel:+1-201-555-0123").isEquivalentTo(Uri.parse("tel:+12015550123"))).isTrue();
    }

    @Test
    void otherSchemesAreKeptOpaque() {
        Uri u = Uri.parse("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertThat(u).isInstanceOf(AbsoluteUri.class);
        assertThat(u.scheme()).isEqualTo("urn");
        assertThat(u.toString()).isEqualTo("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:", "sip:user@", "sip:host:99999", "sip:ho st", "sip:[::1", "sip:a@b;=x", "nocolon", ":x",
        "sip:user@host?a=<b>"})
    void malformedUrisAreRejectedWithTypedError(String text) {
        assertThatThrownBy(() -> Uri.parse(text)).isInstanceOf(SipParseException.class);
    }

    /** RFC 3261 §19.1.4: the equivalent pairs listed there. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP|sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com|sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com|sip:carol@chicago.com;security=on",
        "sip:carol@chicago.com;newparam=5|sip:carol@chicago.com;security=on",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com|sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent|sip:alice@atlanta.com?priority=urgent&subject=project%20x"
    })
    void rfc3261EquivalentUrisCompareEqual(String a, String b) {
        assertThat(Uri.parse(a).isEquivalentTo(Uri.parse(b))).as("%s = %s", a, b).isTrue();
        assertThat(Uri.parse(b).isEquivalentTo(Uri.parse(a))).as("%s = %s", b, a).isTrue();
    }

    /** RFC 3261 §19.1.4: the non-equivalent pairs listed there. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIP:ALICE@AtLanTa.CoM;Transport=udp|sip:alice@AtLanTa.CoM;Transport=UDP",
        "sip:bob@biloxi.com|sip:bob@biloxi.com:5060",
        "sip:bob@biloxi.com|sip:bob@biloxi.com;transport=udp",
        "sip:bob@biloxi.com|sip:bob@biloxi.com:6000;transport=tcp",
        "sip:carol@chicago.com|sip:carol@chicago.com?Subject=next%20meeting",
        "sip:bob@phone21.boxesbybob.com|sip:bob@192.0.2.4",
        "sip:carol@chicago.com;security=on|sip:carol@chicago.com;security=off",
        "sip:alice@atlanta.com|sips:alice@atlanta.com"
    })
    void rfc3261DifferentUrisCompareDifferent(String a, String b) {
        assertThat(Uri.parse(a).isEquivalentTo(Uri.parse(b))).as("%s != %s", a, b).isFalse();
        assertThat(Uri.parse(b).isEquivalentTo(Uri.parse(a))).as("%s != %s", b, a).isFalse();
    }

    @Test
    void equalsIsStructuralAsWritten() {
        assertThat(SipUri.parse("sip:%61lice@atlanta.com")).isNotEqualTo(SipUri.parse("sip:alice@atlanta.com"));
        assertThat(SipUri.parse("sip:alice@atlanta.com;lr")).isEqualTo(SipUri.parse("sip:alice@atlanta.com;LR"));
    }

    @Test
    void withersChangeOnePart() {
        SipUri u = SipUri.of("alice", "atlanta.com").withPort(5080).withParameters(Parameters.EMPTY.with("transport", "tcp"));
        assertThat(u.toString()).isEqualTo("sip:alice@atlanta.com:5080;transport=tcp");
        assertThat(SipUri.parse("sip:a@b?x=y").withoutHeaders().toString()).isEqualTo("sip:a@b");
    }
}
