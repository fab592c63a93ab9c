package org.switchboard.pbx.clicktodial;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.OriginatedLegListener;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.routing.Destination;

/**
 * One click-to-dial once started: {@code from}'s leg, rung by the PBX, is sent to {@code to} through
 * the dial plan when it answers ({@link PbxLeg#transfer} of kind {@code extension}, which plans the
 * target as if {@code from} dialled it: an extension, a ring group, voicemail, an attendant menu...).
 * Each stage goes to the event bus ({@link PbxEvent.OriginateProgress}). When {@code to} cannot take
 * the call, {@code from} hears a busy tone for three seconds and is hung up with the failure as the cause.
 *
 * <p>Runs on the call's executor.
 */
final class ClickToDialCall implements OriginatedLegListener {
    /** ITU-T E.180 busy tone: 425 Hz, half a second on and off, three times. */
    static final AudioClip BUSY = AudioClip.concat(List.of(
            AudioClip.tone(425, 0.2, Duration.ofMillis(500)), AudioClip.silence(Duration.ofMillis(500)),
            AudioClip.tone(425, 0.2, Duration.ofMillis(500)), AudioClip.silence(Duration.ofMillis(500)),
            AudioClip.tone(425, 0.2, Duration.ofMillis(500)), AudioClip.silence(Duration.ofMillis(500))));

    private final String from;
    private final String to;
    private final EventBus events;
    private final InstantSource clock;
    private volatile String callId = ""; // set by the API thread right after the originate returns
    private String failure; // the hang-up cause once the transfer failed

    ClickToDialCall(String from, String to, EventBus events, InstantSource clock) {
        this.from = from;
        this.to = to;
        this.events = events;
        this.clock = clock;
    }

    void started(String id) {
        callId = id;
    }

    @Override
    public void ringing(PbxLeg leg) {
        publish("ringing", 0, "");
    }

    @Override
    public void failed(PbxLeg leg, int status, String reason) {
        publish("failed", status, reason);
    }

    @Override
    public void answered(PbxLeg leg) {
        publish("answered", 0, "");
        leg.transfer(new Destination("extension", to));
    }

    @Override
    public void transferred(PbxLeg leg, Destination destination) {
        publish("connected", 0, "");
    }

    @Override
    public void transferFailed(PbxLeg leg, Destination destination, int status, String reason) {
        publish("failed", status, reason);
        failure = "click-to-dial to " + to + " failed: " + status + " " + reason;
        leg.play(BUSY.source());
    }

    @Override
    public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
        if (failure != null) {
            leg.hangUp(failure);
        }
    }

    private void publish(String stage, int status, String reason) {
        events.publish(new PbxEvent.OriginateProgress(clock.instant(), callId, from, to, stage, status, reason));
    }
}
