package org.switchboard.api.call;

import java.time.Instant;
import java.util.List;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.LegSnapshot;

/** Response body for one call in progress; absent values (answer time, codec, media) are omitted. */
public record CallView(String id, String caller, String callee, String state, Instant startedAt, Instant answeredAt,
        String codec, List<LegView> legs) {

    static CallView of(CallSnapshot c) {
        return new CallView(c.id(), c.caller(), c.callee(), c.state().name(), c.startedAt(), c.answeredAt().orElse(null),
                c.codec().orElse(null), c.legs().stream().map(LegView::of).toList());
    }

    /** One leg (dialog) of the call. */
    public record LegView(String role, String callId, String party, String signalingAddress, MediaView media) {
        static LegView of(LegSnapshot l) {
            return new LegView(l.role(), l.callId(), l.party(), l.signalingAddress(), l.media().map(MediaView::of).orElse(null));
        }
    }

    /** The relay's RTP state of one leg. */
    public record MediaView(int localRtpPort, String remoteRtpAddress, boolean latched, long packetsReceived,
            long packetsSent, boolean srtp, long srtpRejected) {
        static MediaView of(LegSnapshot.Media m) {
            return new MediaView(m.localRtpPort(), m.remoteRtpAddress(), m.latched(), m.packetsReceived(), m.packetsSent(),
                    m.srtp(), m.srtpRejected());
        }
    }
}
