package org.switchboard.pbx.call.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.rtp.PeerReport;
import org.switchboard.media.rtp.Reception;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.CallState;
import org.switchboard.pbx.call.LegSnapshot;

class MediaDiagnosisTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static LegSnapshot leg(String role, String party, long received, long sent, String signalled, String from,
            Reception reception, Optional<PeerReport> report) {
        return new LegSnapshot(role, "cid-" + role, party, "127.0.0.1:5060", Optional.of(new LegSnapshot.Media(
                20000, from.isEmpty() ? signalled : from, !from.isEmpty(), received, sent, false, 0, signalled,
                reception, report)));
    }

    private static CallSnapshot answered(CallState state, LegSnapshot... legs) {
        return new CallSnapshot("call-1", "1001", "1002", state, T0, Optional.of(T0), Optional.of("PCMU"), List.of(legs));
    }

    private static final Reception CLEAN = new Reception(500, 0, 1.2);

    @Test
    void audioBothWaysWithoutProblems() {
        MediaDiagnosis d = MediaDiagnosis.of(answered(CallState.ANSWERED,
                leg("caller", "1001", 500, 500, "10.0.0.5:4000", "10.0.0.5:4000", CLEAN, Optional.empty()),
                leg("callee", "1002", 500, 500, "10.0.0.6:4000", "10.0.0.6:4000", CLEAN, Optional.empty())));
        assertThat(d.verdict()).isEqualTo("Audio flows both ways.");
        assertThat(d.legs()).allSatisfy(l -> assertThat(l.findings()).isEmpty());
    }

    @Test
    void aSilentPhoneBehindNatIsOneWayAudioAndTheNatIsNamed() {
        MediaDiagnosis d = MediaDiagnosis.of(answered(CallState.ANSWERED,
                leg("caller", "1001", 500, 0, "192.168.1.20:4000", "203.0.113.9:31000", CLEAN, Optional.empty()),
                leg("callee", "1002", 0, 500, "192.168.1.30:4000", "", Reception.NONE, Optional.empty())));
        assertThat(d.verdict()).isEqualTo("One-way audio: no RTP reached the PBX from the callee (1002).");
        assertThat(d.legs().get(1).findings()).singleElement().asString().contains("No RTP has arrived from 1002's phone")
                .contains("192.168.1.30:4000");
        assertThat(d.legs().get(0).findings()).singleElement().asString().contains("(NAT)");
    }

    @Test
    void lossAndJitterAreReportedPerLeg() {
        MediaDiagnosis d = MediaDiagnosis.of(answered(CallState.ANSWERED,
                leg("caller", "1001", 450, 500, "10.0.0.5:4000", "10.0.0.5:4000", new Reception(500, 50, 45),
                        Optional.of(new PeerReport(0.25, 100, 3, 4, Optional.empty()))),
                leg("callee", "1002", 500, 450, "10.0.0.6:4000", "10.0.0.6:4000", CLEAN, Optional.empty())));
        assertThat(d.verdict()).contains("with the problems");
        assertThat(d.legs().get(0).findings()).hasSize(3)
                .anySatisfy(f -> assertThat(f).contains("10.0 %").contains("lost on the way"))
                .anySatisfy(f -> assertThat(f).contains("reports losing 25.0 %"))
                .anySatisfy(f -> assertThat(f).contains("45 ms of jitter"));
    }

    @Test
    void heldAndUnansweredCallsAreNotCalledSilent() {
        assertThat(MediaDiagnosis.of(answered(CallState.ON_HOLD,
                leg("caller", "1001", 0, 0, "10.0.0.5:4000", "", Reception.NONE, Optional.empty()))).verdict())
                .startsWith("On hold");
        CallSnapshot ringing = new CallSnapshot("call-2", "1001", "1002", CallState.RINGING, T0, Optional.empty(),
                Optional.empty(), List.of());
        assertThat(MediaDiagnosis.of(ringing).verdict()).startsWith("Not answered yet");
    }

    @Test
    void mosFallsWithLossAndJitter() {
        double clean = MeanOpinionScore.estimate(0, 0, 0);
        assertThat(clean).isCloseTo(4.4, within(0.05));
        assertThat(MeanOpinionScore.estimate(0.05, 0, 0)).isLessThan(clean).isGreaterThan(3.5);
        assertThat(MeanOpinionScore.estimate(0.20, 60, 100)).isLessThan(2.6);
        assertThat(MeanOpinionScore.estimate(1.0, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void legQualityTakesTheWorseDirectionForItsMos() {
        LegSnapshot l = leg("caller", "1001", 500, 500, "10.0.0.5:4000", "10.0.0.5:4000", CLEAN,
                Optional.of(new PeerReport(0.10, 50, 2, 3, Optional.empty())));
        LegQuality q = LegQuality.of(l).orElseThrow();
        assertThat(q.lossPercent()).isZero();
        assertThat(q.reportedLossPercent()).contains(10.0);
        assertThat(q.mos()).isEqualTo(MeanOpinionScore.estimate(0.10, 2, 0));
    }
}
