package org.switchboard.pbx.paging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.CallControl;
import org.switchboard.pbx.call.OriginateLeg;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;

/**
 * One page, driven from its caller's leg (the PBX answered it): once answered it rings every member's phones with
 * the auto-answer headers; each member that answers sits in the page's private mixer ({@link PagedMember}), muted
 * for a one-way page. The caller is seated when the first member answers, after the beep. The page ends when the
 * caller hangs up (every member leg is hung up, ringing ones cancelled), when no member is left on the line, or at
 * the order's maximum duration.
 *
 * <p>Owned by the caller's call executor; members report to it through {@link #memberAnswered} and
 * {@link #memberGone}, posted there.
 */
final class Page implements PbxLegListener {
    private static final Logger log = LoggerFactory.getLogger(Page.class);
    /** The alert before the caller is heard: two short 1 kHz pips, loud enough over a shop floor. */
    static final AudioClip BEEP = AudioClip.concat(List.of(AudioClip.tone(1000, 0.3, Duration.ofMillis(150)),
            AudioClip.silence(Duration.ofMillis(100)), AudioClip.tone(1000, 0.3, Duration.ofMillis(150))));
    /** How long members' phones may ring; auto-answering phones pick up within a second, others are left out. */
    static final Duration RING_TIME = Duration.ofSeconds(10);

    private final PageOrder order;
    private final List<String> members;
    private final String callerNumber;
    private final CallControl calls;
    private final Function<String, Mixer> mixers;
    private final Executor executor;
    /** Member extension to its originated call's id, while its leg rings or is on the page. */
    private final Map<String, String> live = new HashMap<>();
    private PbxLeg caller;
    private Mixer mixer;
    private long beepId = -1;
    private boolean callerSeated;
    private boolean ended;

    Page(PageOrder order, List<String> members, String callerNumber, CallControl calls, Function<String, Mixer> mixers,
            Executor executor) {
        this.order = order;
        this.members = List.copyOf(members);
        this.callerNumber = callerNumber;
        this.calls = calls;
        this.mixers = mixers;
        this.executor = executor;
    }

    @Override
    public void answered(PbxLeg leg) {
        caller = leg;
        mixer = mixers.apply(order.label());
        for (String member : members) {
            String id = calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension(member), callerNumber,
                    leg.callerName(), leg.dialled(), RING_TIME, true), new PagedMember(this, member, mixer, order, executor));
            live.put(member, id);
        }
        CompletableFuture.delayedExecutor(order.maxDuration().toMillis(), TimeUnit.MILLISECONDS, executor)
                .execute(() -> {
                    if (!ended) {
                        caller.hangUp(order.label() + " reached its maximum duration");
                    }
                });
    }

    /** {@code member}'s phone answered and sits in the mixer: the caller is seated after the beep, once. */
    void memberAnswered(String member) {
        if (ended) {
            return; // its leg is hung up with the others already
        }
        if (!callerSeated && beepId < 0) {
            if (order.beep()) {
                beepId = caller.play(BEEP.source());
            } else {
                seatCaller();
            }
        }
    }

    /** {@code member}'s leg failed or ended: with nobody left the page is over. */
    void memberGone(String member, String cause) {
        live.remove(member);
        log.debug("{} member={} gone cause={}", order.label(), member, cause);
        if (live.isEmpty()) {
            if (ended) {
                mixer.close();
            } else {
                caller.hangUp(order.label() + ": no member on the line");
            }
        }
    }

    @Override
    public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
        if (playbackId == beepId && !ended) {
            seatCaller();
        }
    }

    @Override
    public void ended(String cause) {
        if (ended || caller == null) {
            return; // never answered: nothing was rung
        }
        ended = true;
        log.info("{} from={} ended cause={}", order.label(), callerNumber, cause);
        if (live.isEmpty()) {
            mixer.close();
        }
        for (String id : live.values()) {
            calls.hangUp(id, "the page's caller");
        }
    }

    private void seatCaller() {
        callerSeated = true;
        caller.joinMixer(mixer);
    }
}
