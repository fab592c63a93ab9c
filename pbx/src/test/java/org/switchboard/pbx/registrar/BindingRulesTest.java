package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class BindingRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("198.51.100.7", 40123));
    private final BindingRules rules = new BindingRules(RegistrarSettings.defaults("pbx.test").withMaxContacts(2));

    static SipRequest register(String callId, long cseq, String expiresHeader, String... contacts) {
        StringBuilder s = new StringBuilder("REGISTER sip:pbx.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK" + callId + cseq + "\r\n"
                + "From: <sip:1001@pbx.test>;tag=f1\r\nTo: <sip:1001@pbx.test>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\nMax-Forwards: 70\r\n");
        for (String c : contacts) {
            s.append("Contact: ").append(c).append("\r\n");
        }
        if (expiresHeader != null) {
            s.append("Expires: ").append(expiresHeader).append("\r\n");
        }
        s.append("Content-Length: 0\r\n\r\n");
        return (SipRequest) SipParser.DEFAULT.parse(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private BindingUpdate.Accepted accept(SipRequest request, List<Binding> existing) {
        BindingUpdate update = rules.evaluate("1001", request, FLOW, existing, NOW);
        assertThat(update).as("update for %s", request).isInstanceOf(BindingUpdate.Accepted.class);
        return (BindingUpdate.Accepted) update;
    }

    @Test
    void newContactIsAddedWithTheFlowItCameOnAndTheHeaderExpiry() {
        BindingUpdate.Accepted a = accept(register("c1", 1, "300", "<sip:1001@10.0.0.5:5060>"), List.of());

        assertThat(a.added()).singleElement().satisfies(b -> {
            assertThat(b.contactKey()).isEqualTo("sip:1001@10.0.0.5:5060");
            assertThat(b.flow()).as("NAT: reached at the source address, not the contact").isEqualTo(FLOW);
            assertThat(b.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        });
        assertThat(a.needsWriteThrough()).isTrue();
    }

    @Test
    void contactExpiresParameterWinsOverTheHeaderAndTooLongIsCapped() {
        BindingUpdate.Accepted a = accept(register("c1", 1, "300", "<sip:a@h>;expires=100000"), List.of());

        assertThat(a.added().getFirst().expiresAt()).isEqualTo(NOW.plusSeconds(7200));
    }

    @Test
    void missingExpiryUsesTheDefault() {
        assertThat(accept(register("c1", 1, null, "<sip:a@h>"), List.of()).added().getFirst().expiresAt())
                .isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void tooShortExpiryIs423WithMinExpires() {
        BindingUpdate update = rules.evaluate("1001", register("c1", 1, "30", "<sip:a@h>"), FLOW, List.of(), NOW);

        assertThat(update).isInstanceOfSatisfying(BindingUpdate.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(423);
            assertThat(r.minExpiresSeconds()).hasValue(60);
        });
    }

    @Test
    void sameContactAgainIsARefreshWrittenBehind() {
        Binding old = accept(register("c1", 1, "300", "<sip:a@h>"), List.of()).added().getFirst();

        BindingUpdate.Accepted a = accept(register("c1", 2, "300", "<sip:a@h>"), List.of(old));

        assertThat(a.refreshed()).singleElement().satisfies(b -> assertThat(b.cseq()).isEqualTo(2));
        assertThat(a.needsWriteThrough()).isFalse();
    }

    @Test
    void olderCSeqOfTheSameCallIdIsRefused() {
        Binding old = accept(register("c1", 5, "300", "<sip:a@h>"), List.of()).added().getFirst();

        BindingUpdate update = rules.evaluate("1001", register("c1", 4, "0", "<sip:a@h>"), FLOW, List.of(old), NOW);

        assertThat(update).isInstanceOfSatisfying(BindingUpdate.Rejected.class, r -> assertThat(r.status()).isEqualTo(500));
    }

    @Test
    void anotherCallIdMayRemoveTheBindingWhateverItsCSeq() {
        Binding old = accept(register("c1", 5, "300", "<sip:a@h>"), List.of()).added().getFirst();

        BindingUpdate.Accepted a = accept(register("c2", 1, "0", "<sip:a@h>"), List.of(old));

        assertThat(a.removed()).containsExactly(old);
    }

    @Test
    void wildcardRemovesAllButOnlyWithExpiresZero() {
        List<Binding> bound = new ArrayList<>(accept(register("c1", 1, "300", "<sip:a@h>", "<sip:b@h>"), List.of()).added());

        assertThat(accept(register("c9", 1, "0", "*"), bound).removed()).hasSize(2);
        assertThat(rules.evaluate("1001", register("c9", 1, "300", "*"), FLOW, bound, NOW))
                .isInstanceOfSatisfying(BindingUpdate.Rejected.class, r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void beyondTheContactLimitTheStalestBindingMakesRoom() {
        Binding a = accept(register("c1", 1, "300", "<sip:a@h>"), List.of()).added().getFirst();
        Binding b = new BindingRules(RegistrarSettings.defaults("pbx.test")).evaluate("1001",
                register("c2", 1, "300", "<sip:b@h>"), FLOW, List.of(), NOW.plusSeconds(10)) instanceof
                BindingUpdate.Accepted ok ? ok.added().getFirst() : null;

        BindingUpdate.Accepted third = accept(register("c3", 1, "300", "<sip:c@h>"), List.of(a, b));

        assertThat(third.added()).extracting(Binding::contactKey).containsExactly("sip:c@h");
        assertThat(third.removed()).extracting(Binding::contactKey).containsExactly("sip:a@h");
    }

    @Test
    void nonSipContactIsABadRequest() {
        assertThat(rules.evaluate("1001", register("c1", 1, "300", "<tel:+4930123>"), FLOW, List.of(), NOW))
                .isInstanceOfSatisfying(BindingUpdate.Rejected.class, r -> assertThat(r.status()).isEqualTo(400));
    }
}
