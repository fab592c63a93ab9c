package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.Parameters;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.NextHop;

/**
 * A party the PBX rings itself (UAC side of a {@link PbxAnsweredCall}, docs/call-engine.md,
 * "Legs the PBX originates"): the call's own id and executor (no caller's INVITE gives them), the
 * extension or URI rung, and once a fork answered, that fork's dialog and flow. Owned by the call's
 * executor.
 */
final class RungParty implements LegSide {
    /** The address shown for a party with no phone to ring (the originate fails at once). */
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("0.0.0.0", 0);
    private final String callId;
    private final Executor executor;
    private final SipLogin party;
    private final OriginateLeg request;
    private final List<OriginateTarget> targets;
    private OutboundLeg answered;

    RungParty(String callId, Executor executor, SipLogin party, OriginateLeg request, List<OriginateTarget> targets) {
        this.callId = callId;
        this.executor = executor;
        this.party = party;
        this.request = request;
        this.targets = List.copyOf(targets);
    }

    /** What the originator asked for. */
    OriginateLeg request() {
        return request;
    }

    /** The caller ID the party's phones show: the From of our INVITEs (each adds its own tag). */
    NameAddress from(String domain) {
        return new NameAddress(Optional.of(request.callerName()).filter(name -> !name.isEmpty()),
                SipUri.of(request.callerId(), domain), Parameters.EMPTY);
    }

    /** The party as our INVITEs' To names it: the extension's address of record, or the URI rung. */
    NameAddress to(String domain) {
        return NameAddress.of(switch (request.target()) {
            case OriginateLeg.Target.Extension extension -> SipUri.of(extension.number(), domain);
            case OriginateLeg.Target.Uri uri -> uri.uri();
        });
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
        return request.dialled();
    }

    @Override
    public String displayName() {
        return "";
    }

    /** The answering phone, or before an answer the first place rung. */
    @Override
    public InetSocketAddress remote() {
        return answered == null && targets.isEmpty() ? NOWHERE : hop().address();
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
