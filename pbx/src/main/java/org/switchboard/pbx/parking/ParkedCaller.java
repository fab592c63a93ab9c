package org.switchboard.pbx.parking;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.store.parking.NewParkLot;

/**
 * One parked call: takes the lot's first free slot, hears it announced ("your call is parked at 701"), then the
 * lot's music until a retriever joins it ({@link #retrieved}) or the timeout ({@link #timedOut}) rings back the
 * phone that parked it and, when nobody answers there, sends it to the lot's return action. A lot with every slot
 * taken sends a transferred call back to its transferor at once.
 *
 * <p>Owned by the parked call's executor: other threads reach it only by posting there.
 */
final class ParkedCaller implements PbxLegListener {
    private static final Logger log = LoggerFactory.getLogger(ParkedCaller.class);
    static final String NOT_RETRIEVED = "parked call not retrieved";

    private enum Stage { ARRIVING, PARKED, BRIDGED, RINGING_BACK, RETURNING, GONE }

    private final NewParkLot lot;
    private final ParkedCalls slots;
    private final Prompts prompts;
    private final Function<String, Optional<AudioSource>> musicOfClass;
    private final Optional<String> transferredBy;
    private final Executor executor;
    private Stage stage = Stage.ARRIVING;
    private PbxLeg leg;
    private long announcement = -1;
    private LegBridge bridge;

    ParkedCaller(NewParkLot lot, ParkedCalls slots, Prompts prompts, Function<String, Optional<AudioSource>> musicOfClass,
            Optional<String> transferredBy, Executor executor) {
        this.lot = lot;
        this.slots = slots;
        this.prompts = prompts;
        this.musicOfClass = musicOfClass;
        this.transferredBy = transferredBy;
        this.executor = executor;
    }

    /** The executor that owns this call: post to it. */
    Executor executor() {
        return executor;
    }

    @Override
    public void answered(PbxLeg answeredLeg) {
        leg = answeredLeg;
        String parkedBy = transferredBy.orElse(leg.caller());
        OptionalInt slot = slots.park(lot, this, leg.caller(), leg.callerName(), parkedBy);
        if (slot.isEmpty()) {
            log.info("park lot full caller={} parked_by={}", leg.caller(), parkedBy);
            ringBack();
            return;
        }
        stage = Stage.PARKED;
        log.info("call parked slot={} caller={} parked_by={}", slot.getAsInt(), leg.caller(), parkedBy);
        // The one who hears the slot is on this leg: the parker itself when it dialled the lot (it then completes
        // its attended transfer), the parked caller after a blind transfer (the parker has gone; docs/parking.md).
        announcement = leg.play(AudioClip.concat(List.of(prompts.get("parked-at"),
                SystemPrompts.digits(Integer.toString(slot.getAsInt())))).source());
    }

    @Override
    public void playbackFinished(PbxLeg finished, long playbackId, PlaybackEnd reason) {
        if (playbackId == announcement && stage == Stage.PARKED) {
            musicOfClass.apply(lot.musicClass()).ifPresent(leg::play);
        }
    }

    /** A retriever took this call out of its slot: join it, unless the call ended meanwhile. */
    void retrieved(LegBridge joined) {
        if (stage == Stage.GONE) {
            joined.end(leg, "parked caller already gone");
            return;
        }
        stage = Stage.BRIDGED;
        bridge = joined;
        leg.stopPlayback();
        joined.seat(leg, executor);
    }

    /** Nobody retrieved the call in time (its slot is free already): ring back the phone that parked it. */
    void timedOut() {
        if (stage == Stage.PARKED) {
            log.info("parked call timed out caller={} parked_by={}", leg.caller(), transferredBy.orElse(leg.caller()));
            ringBack();
        }
    }

    @Override
    public void transferFailed(PbxLeg failed, Destination to, int status, String reason) {
        if (stage == Stage.RINGING_BACK) {
            toReturnAction();
        } else {
            leg.hangUp(NOT_RETRIEVED);
        }
    }

    @Override
    public void transferred(PbxLeg done, Destination to) {
        stage = Stage.GONE;
    }

    @Override
    public void ended(String cause) {
        stage = Stage.GONE;
        slots.remove(this);
        if (bridge != null) {
            bridge.end(leg, cause);
        }
    }

    /** A caller that parked itself has nobody to ring back: it goes to the return action at once. */
    private void ringBack() {
        Optional<String> parker = transferredBy.filter(p -> !p.equals(leg.caller()));
        if (parker.isEmpty()) {
            toReturnAction();
            return;
        }
        stage = Stage.RINGING_BACK;
        leg.transfer(new Destination("extension", parker.get()));
    }

    private void toReturnAction() {
        if (lot.returnAction().isEmpty()) {
            leg.hangUp(NOT_RETRIEVED);
            return;
        }
        stage = Stage.RETURNING;
        leg.transfer(new Destination(lot.returnAction().get().action(), lot.returnAction().get().target()));
    }
}
