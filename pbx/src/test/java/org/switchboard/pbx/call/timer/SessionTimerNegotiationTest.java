package org.switchboard.pbx.call.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;

class SessionTimerNegotiationTest {
    private final SessionTimerNegotiation negotiation = new SessionTimerNegotiation(
            new SessionTimerSettings(Duration.ofSeconds(1800), Duration.ofSeconds(120)));

    private static SipRequest invite(String... headers) {
        SipRequest.Builder b = SipRequest.builder(SipMethod.INVITE, SipUri.parse("sip:1002@pbx.test"))
                .from(NameAddress.of(SipUri.of("1001", "pbx.test")).withTag("a1"))
                .to(NameAddress.of(SipUri.of("1002", "pbx.test")))
                .callId("call-1@test")
                .cseq(1)
                .maxForwards(70);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private SessionTimerNegotiation.Answer.Granted granted(SipRequest invite) {
        SessionTimerNegotiation.Answer answer = negotiation.asUas(invite);
        assertThat(answer).isInstanceOf(SessionTimerNegotiation.Answer.Granted.class);
        return (SessionTimerNegotiation.Answer.Granted) answer;
    }

    @Test
    void anIntervalBelowOurMinSeIsRefusedWith422NamingIt() {
        SipRequest invite = invite("Supported", "timer", "Session-Expires", "100");
        SessionTimerNegotiation.Answer answer = negotiation.asUas(invite);

        assertThat(answer).isEqualTo(new SessionTimerNegotiation.Answer.TooSmall(Duration.ofSeconds(120)));
        SipResponse r = SessionTimerNegotiation.tooSmall(invite, (SessionTimerNegotiation.Answer.TooSmall) answer);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.headers().first("Min-SE")).contains("120");
    }

    @Test
    void theCallersIntervalAndRefresherAreHonouredWhenItSupportsTimers() {
        SessionTimerNegotiation.Answer.Granted g = granted(invite("Supported", "timer, 100rel",
                "Session-Expires", "600;refresher=uac", "Min-SE", "120"));

        assertThat(g.expires()).isEqualTo(new SessionExpires(Duration.ofSeconds(600), Optional.of(Refresher.UAC)));
        assertThat(g.require()).isTrue();
        SipResponse ok = SessionTimerNegotiation.grant(invite().createResponse(200), g);
        assertThat(ok.headers().first("Session-Expires")).contains("600;refresher=uac");
        assertThat(ok.headers().first("Require")).contains("timer");
    }

    @Test
    void aLongerIntervalThanOursIsShortenedAndACallerWithoutSupportLeavesRefreshingToUs() {
        SessionTimerNegotiation.Answer.Granted g = granted(invite("Session-Expires", "7200;refresher=uac"));

        assertThat(g.expires()).isEqualTo(new SessionExpires(Duration.ofSeconds(1800), Optional.of(Refresher.UAS)));
        assertThat(g.require()).isFalse();
    }

    @Test
    void aCallerThatSupportsTimersButAskedForNoneGetsOursAndRefreshesItself() {
        assertThat(granted(invite("Supported", "timer")).expires())
                .isEqualTo(new SessionExpires(Duration.ofSeconds(1800), Optional.of(Refresher.UAC)));
        assertThat(granted(invite("Supported", "timer", "Min-SE", "3600")).expires().interval())
                .as("never below the caller's Min-SE").isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void aCallerThatNeitherAsksNorSupportsGetsNoTimer() {
        assertThat(negotiation.asUas(invite())).isEqualTo(new SessionTimerNegotiation.Answer.NotUsed());
    }

    @Test
    void unreadableHeadersAreA400Reason() {
        assertThat(negotiation.asUas(invite("Session-Expires", "soon")))
                .isEqualTo(new SessionTimerNegotiation.Answer.Malformed("Bad Session-Expires"));
        assertThat(negotiation.asUas(invite("Session-Expires", "600;refresher=both")))
                .isEqualTo(new SessionTimerNegotiation.Answer.Malformed("Bad Session-Expires"));
        assertThat(negotiation.asUas(invite("Min-SE", "-1")))
                .isEqualTo(new SessionTimerNegotiation.Answer.Malformed("Bad Min-SE"));
    }

    @Test
    void ourInviteOffersOurIntervalAndTheCalleesAnswerSaysWhoRefreshes() {
        SipRequest offered = invite();
        for (Header header : negotiation.offerHeaders()) {
            offered = offered.withHeader(header.name(), header.value());
        }
        assertThat(offered.headers().first("Session-Expires")).contains("1800");
        assertThat(offered.headers().first("Min-SE")).contains("120");
        assertThat(offered.headers().first("Supported")).contains("timer");

        assertThat(SessionTimerNegotiation.granted(offered.createResponse(200).withHeader("Session-Expires", "900;refresher=uas")))
                .contains(new SessionExpires(Duration.ofSeconds(900), Optional.of(Refresher.UAS)));
        assertThat(SessionTimerNegotiation.granted(offered.createResponse(200))).isEmpty();
    }

    @Test
    void theRefresherRefreshesAtHalfTheIntervalAndTheOtherSideGivesUpBeforeItEnds() {
        SessionExpires uacRefreshes = new SessionExpires(Duration.ofSeconds(1800), Optional.of(Refresher.UAC));

        assertThat(RefreshSchedule.of(uacRefreshes, true))
                .isEqualTo(new RefreshSchedule(RefreshSchedule.Duty.REFRESH, Duration.ofSeconds(900)));
        assertThat(RefreshSchedule.of(uacRefreshes, false))
                .isEqualTo(new RefreshSchedule(RefreshSchedule.Duty.EXPIRE, Duration.ofSeconds(1768)));
        assertThat(RefreshSchedule.of(new SessionExpires(Duration.ofSeconds(90), Optional.of(Refresher.UAC)), false).after())
                .as("a third of a short interval is less than 32 s").isEqualTo(Duration.ofSeconds(60));
    }
}
