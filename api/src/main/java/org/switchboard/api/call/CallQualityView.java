package org.switchboard.api.call;

import java.util.List;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.quality.LegQuality;

/** Response body of {@code GET /api/calls/{id}/quality}: each anchored leg's loss, jitter and estimated MOS. */
public record CallQualityView(String callId, List<LegView> legs) {

    static CallQualityView of(CallSnapshot call) {
        return new CallQualityView(call.id(),
                call.legs().stream().flatMap(l -> LegQuality.of(l).stream()).map(LegView::of).toList());
    }

    /** One leg; the {@code reported_*} values are omitted for phones that send no RTCP. */
    public record LegView(String role, String party, long packetsReceived, long packetsExpected, long packetsLost,
            double lossPercent, double jitterMs, Double reportedLossPercent, Double reportedJitterMs, Double roundTripMs,
            double mos) {
        static LegView of(LegQuality q) {
            return new LegView(q.role(), q.party(), q.packetsReceived(), q.packetsExpected(), q.packetsLost(),
                    q.lossPercent(), q.jitterMs(), q.reportedLossPercent().orElse(null), q.reportedJitterMs().orElse(null),
                    q.roundTripMs().orElse(null), q.mos());
        }
    }
}
