package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.LegStats;
import org.switchboard.media.rtp.RelayStats;
import org.switchboard.media.rtp.StreamStats;

/**
 * Collects what a call's executor knows of it, then adds the relay's counters, which arrive later
 * on the relay's loop: it holds only immutable values, so finishing it on another thread is safe.
 */
final class CallSnapshotBuilder {
    private final String id;
    private final String caller;
    private final String callee;
    private final CallState state;
    private final Instant startedAt;
    private final Optional<Instant> answeredAt;
    private final Optional<String> codec;
    private final List<LegPart> legs = new ArrayList<>();

    /** One leg as the executor saw it. */
    private record LegPart(String role, String callId, String party, String signalingAddress, Leg mediaLeg,
            int localRtpPort, Optional<InetSocketAddress> signalledRtp) {}

    CallSnapshotBuilder(String id, String caller, String callee, CallState state, Instant startedAt,
            Optional<Instant> answeredAt, Optional<String> codec) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.state = state;
        this.startedAt = startedAt;
        this.answeredAt = answeredAt;
        this.codec = codec;
    }

    /** Adds a leg; {@code localRtpPort} 0 when media is not anchored yet. */
    void addLeg(boolean isCaller, String callId, String party, String signalingAddress, int localRtpPort,
            Optional<InetSocketAddress> signalledRtp) {
        legs.add(new LegPart(isCaller ? "caller" : "callee", callId, party, signalingAddress,
                isCaller ? Leg.A : Leg.B, localRtpPort, signalledRtp));
    }

    /** The snapshot; {@code statsOrNull} is null when the call has no relay session yet. */
    CallSnapshot build(RelayStats statsOrNull) {
        List<LegSnapshot> out = new ArrayList<>();
        for (LegPart leg : legs) {
            Optional<LegSnapshot.Media> media = Optional.empty();
            if (statsOrNull != null && leg.localRtpPort() > 0) {
                LegStats stats = statsOrNull.leg(leg.mediaLeg());
                StreamStats rtp = stats.rtp();
                Optional<InetSocketAddress> remote = rtp.latchedSource().or(leg::signalledRtp);
                media = Optional.of(new LegSnapshot.Media(leg.localRtpPort(),
                        remote.map(Call::hostPort).orElse(""), rtp.latchedSource().isPresent(), rtp.packetsIn(),
                        rtp.packetsOut(), rtp.encrypted(), rtp.srtpRejected(),
                        leg.signalledRtp().map(Call::hostPort).orElse(""), rtp.reception(), stats.rtcp().peerReport()));
            }
            out.add(new LegSnapshot(leg.role(), leg.callId(), leg.party(), leg.signalingAddress(), media));
        }
        return new CallSnapshot(id, caller, callee, state, startedAt, answeredAt, codec, out);
    }
}
