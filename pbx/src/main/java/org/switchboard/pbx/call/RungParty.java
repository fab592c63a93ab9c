package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.transport.NextHop;

/**
 * A party the PBX rings itself (UAC side of a {@link PbxAnsweredCall}, docs/call-engine.md,
 * "Legs the PBX originates"): the call's own id and executor (no caller's INVITE gives them), the
 * extension or URI rung, and once a fork answered, that fork's dialog and flow. Owned by the call's
 * executor.
 */
final class RungParty implements LegSide {
    private final String callId;
    private final Executor executor;
    private final SipLogin party;
    private final String dialled;
    private final List<OriginateTarget> targets;
    private OutboundLeg answered;

    RungParty(String callId, Executor executor, SipLogin party, String dialled, List<OriginateTarget> targets) {
        this.callId = callId;
        this.executor = executor;
        this.party = party;
        this.dialled = dialled;
        this.targets = List.copyOf(targets);
    }

    /** The places rung. */
    List<OriginateTarget> targets() {
        return targets;
    }

    /** {@code fork} answered: its dialog is the leg's from now on. */
    void answeredBy(OutboundLeg fork) {
        answered = fork;
    }

    /** The fork that answered; null before. */
    OutboundLeg answered() {
        return answered;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public SipLogin party() {
        return party;
    }

    @Override
    public String dialled() {
        return dialled;
    }

    @Override
    public String displayName() {
        return "";
    }

    /** The answering phone, or before an answer the first place rung. */
    @Override
    public InetSocketAddress remote() {
        return hop().address();
    }

    @Override
    public NextHop hop() {
        return answered != null ? answered.hop() : targets.getFirst().hop();
    }

    @Override
    public String byeCause() {
        return "BYE from callee";
    }
}
