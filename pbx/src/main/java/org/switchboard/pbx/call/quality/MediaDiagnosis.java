package org.switchboard.pbx.call.quality;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.CallState;
import org.switchboard.pbx.call.LegSnapshot;

/**
 * The answer to "why is there no audio on this call?", from what the relay sees of each leg: where the phone's SDP
 * said it listens, where its packets really come from, how many arrived and left, SRTP refusals, loss and jitter;
 * findings per leg in plain words and a verdict for the call. Immutable.
 */
public record MediaDiagnosis(String callId, String state, String codec, String verdict, List<LegFinding> legs) {
    static final double LOSS_WORTH_SAYING = 0.05;
    static final double JITTER_WORTH_SAYING_MS = 30;

    /**
     * What the relay sees of one leg.
     *
     * @param signalledRtp where the phone's SDP said it receives RTP, empty when it gave no literal address
     * @param sendsFrom where its RTP really comes from, empty until a packet arrived
     */
    public record LegFinding(String role, String party, int pbxPort, String signalledRtp, String sendsFrom,
            long packetsReceived, long packetsSent, boolean srtp, List<String> findings) {}

    /** The diagnosis of {@code call} as it is now. */
    public static MediaDiagnosis of(CallSnapshot call) {
        String codec = call.codec().orElse("");
        if (call.answeredAt().isEmpty()) {
            return new MediaDiagnosis(call.id(), call.state().name(), codec,
                    "Not answered yet: audio flows from the answer on (early media aside).", List.of());
        }
        boolean held = call.state() == CallState.ON_HOLD;
        List<LegSnapshot> anchored = call.legs().stream().filter(l -> l.media().isPresent()).toList();
        List<LegFinding> legs = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        boolean problems = false;
        for (LegSnapshot leg : anchored) {
            LegSnapshot.Media m = leg.media().orElseThrow();
            List<String> findings = findings(leg.party(), m, held);
            if (m.packetsReceived() == 0 && !held) {
                silent.add(leg.role() + " (" + leg.party() + ")");
            }
            problems |= !findings.isEmpty();
            legs.add(new LegFinding(leg.role(), leg.party(), m.localRtpPort(), m.signalledRtpAddress(),
                    m.latched() ? m.remoteRtpAddress() : "", m.packetsReceived(), m.packetsSent(), m.srtp(),
                    List.copyOf(findings)));
        }
        return new MediaDiagnosis(call.id(), call.state().name(), codec, verdict(held, silent, anchored.size(), problems),
                List.copyOf(legs));
    }

    private static String verdict(boolean held, List<String> silent, int legs, boolean problems) {
        if (held) {
            return "On hold: one side asked not to receive audio; the held party hears the hold music.";
        }
        if (legs > 0 && silent.size() == legs) {
            return "No audio either way: no RTP reached the PBX from any phone.";
        }
        if (!silent.isEmpty()) {
            return "One-way audio: no RTP reached the PBX from the " + String.join(" and ", silent) + ".";
        }
        return problems ? "Audio flows both ways, with the problems listed per leg." : "Audio flows both ways.";
    }

    private static List<String> findings(String party, LegSnapshot.Media m, boolean held) {
        List<String> out = new ArrayList<>();
        if (m.packetsReceived() == 0 && !held) {
            out.add("No RTP has arrived from " + party + "'s phone at PBX port " + m.localRtpPort() + "; its SDP said it "
                    + "listens at " + (m.signalledRtpAddress().isEmpty() ? "no literal address" : m.signalledRtpAddress())
                    + ". Usually a firewall or NAT in front of the phone, or the phone sending elsewhere than the "
                    + "address the PBX gave it in SDP (check sip.external_address when the PBX is behind NAT).");
        }
        if (m.latched() && !m.signalledRtpAddress().isEmpty() && !host(m.signalledRtpAddress()).equals(host(m.remoteRtpAddress()))) {
            out.add("The phone's SDP said " + m.signalledRtpAddress() + " but its RTP comes from " + m.remoteRtpAddress()
                    + " (NAT): the PBX sends its audio there (symmetric RTP), which is fine.");
        }
        if (m.srtpRejected() > 0) {
            out.add(m.srtpRejected() + " packets from the phone failed SRTP authentication or were replays (a wrong or "
                    + "stale key?); they were dropped.");
        }
        double loss = m.reception().lossRatio();
        if (loss >= LOSS_WORTH_SAYING) {
            out.add(percent(loss) + " of the phone's packets were lost on the way to the PBX.");
        }
        m.peerReport().filter(r -> r.fractionLost() >= LOSS_WORTH_SAYING).ifPresent(r ->
                out.add("The phone reports losing " + percent(r.fractionLost()) + " of the audio the PBX sends it."));
        if (m.reception().jitterMillis() >= JITTER_WORTH_SAYING_MS) {
            out.add("Its audio arrives with " + Math.round(m.reception().jitterMillis()) + " ms of jitter.");
        }
        return out;
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 1000) / 10.0 + " %";
    }

    private static String host(String hostPort) {
        return URI.create("sip://" + hostPort).getHost();
    }
}
