package org.switchboard.pbx.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.call.TransferOptions;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.queue.CallQueue;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.VoicemailExit;

/**
 * One caller of a queue, from the PBX's answer on: it joins the queue ({@link LiveQueues}), hears
 * the queue's music and, every {@code announce_seconds}, its position and estimated wait; when the
 * live queues offer it to agents, their phones ring directly (no forwarding, no voicemail) for the
 * queue's ring time while it hears ringback; the agent who answers is bridged to it as an ordinary
 * call. A missed or refused offer brings the music back until the next one. Past the longest wait
 * (or finding the queue full) it goes to the queue's timeout action, or is hung up without one; the
 * queue's voicemail key sends it to that box. The queue's callback key stores a callback request at
 * the caller's place ({@link QueueCallbacks}), and once it is stored the caller hears a confirmation
 * and is hung up.
 *
 * <p>Owned by the call's executor.
 */
final class QueueCaller implements PbxLegListener, LiveQueues.Caller {
    /** The voicemail module's kind for leaving a message (pbx.voicemail.calls.LeaveMessageApplication). */
    static final String VOICEMAIL = "voicemail";
    private static final Logger log = LoggerFactory.getLogger(QueueCaller.class);

    /** Where a queue's music comes from: a listener of the class's shared stream, empty for silence. */
    @FunctionalInterface
    public interface Music {
        Optional<AudioSource> forClass(String className);
    }

    private final String queue;
    private final QueueService queues;
    private final LiveQueues live;
    private final Prompts prompts;
    private final Music music;
    private final QueueCallbacks callbacks;
    private final Executor executor;
    private PbxLeg leg;
    private boolean offering; // agents' phones ring for this caller
    private boolean gone; // answered, left or sent on: the queue has no more to do with it
    private long announcement = -1;
    private long confirmation = -1; // the callback is stored: hang up when it has been said
    private boolean ended; // the leg is gone (the caller may hang up while its callback is stored)

    QueueCaller(String queue, QueueService queues, LiveQueues live, Prompts prompts, Music music, QueueCallbacks callbacks,
            Executor executor) {
        this.queue = queue;
        this.queues = queues;
        this.live = live;
        this.prompts = prompts;
        this.music = music;
        this.callbacks = callbacks;
        this.executor = executor;
    }

    @Override
    public void answered(PbxLeg answered) {
        leg = answered;
        switch (live.join(queue, this)) {
            case NO_QUEUE -> leg.hangUp("queue " + queue + " was deleted");
            case FULL -> sendOn("full");
            case WAITING -> playMusic();
        }
    }

    // ---- told by the live queues --------------------------------------------------------------------

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public String callId() {
        return leg.id();
    }

    @Override
    public String caller() {
        return leg.caller();
    }

    @Override
    public void offer(List<String> agents, Duration ringTime) {
        if (gone) {
            live.offerFailed(queue, this);
            return;
        }
        offering = true;
        log.info("queue offer call_id={} queue={} agents={}", leg.id(), queue, agents);
        leg.transfer(new Destination("extension", agents.getFirst()),
                TransferOptions.direct(ringTime, agents.subList(1, agents.size())));
    }

    @Override
    public void timeUp() {
        if (!gone) {
            sendOn("timeout");
        }
    }

    @Override
    public void announce(int position, Optional<Duration> estimatedWait) {
        if (gone || offering) {
            return;
        }
        List<AudioClip> words = new ArrayList<>(List.of(prompts.get("queue-position"), SpokenNumber.of(prompts, position)));
        estimatedWait.ifPresent(wait -> {
            long minutes = (wait.toSeconds() + 59) / 60;
            if (minutes <= 1) {
                words.add(prompts.get("queue-wait-short"));
            } else {
                words.add(prompts.get("queue-wait"));
                words.add(SpokenNumber.of(prompts, minutes));
                words.add(prompts.get("minutes"));
            }
        });
        settings().flatMap(NewCallQueue::callback).ifPresent(callback -> {
            words.add(prompts.get("queue-callback"));
            words.add(SpokenNumber.of(prompts, callback.digit() - '0'));
        });
        announcement = leg.play(AudioClip.concat(words).source());
    }

    // ---- what happens on the leg --------------------------------------------------------------------

    @Override
    public void transferred(PbxLeg transferred, Destination to) {
        if (offering) {
            offering = false;
            gone = true;
            live.answered(queue, this, to.target(), transferred.id());
        }
    }

    @Override
    public void transferFailed(PbxLeg failed, Destination to, int status, String reason) {
        if (offering) {
            offering = false;
            live.offerFailed(queue, this);
            if (!gone) {
                playMusic();
            }
        } else {
            // the timeout action or voicemail could not take the caller either
            failed.hangUp("queue " + queue + ": " + to.kind() + " " + to.target() + " refused with " + status + " " + reason);
        }
    }

    @Override
    public void dtmf(PbxLeg pressed, char digit) {
        if (!gone && !offering && settings().flatMap(NewCallQueue::callback).filter(c -> c.digit() == digit).isPresent()) {
            requestCallback();
            return;
        }
        Optional<VoicemailExit> exit = settings().flatMap(NewCallQueue::voicemailExit);
        if (gone || offering || exit.isEmpty() || exit.get().digit() != digit) {
            return;
        }
        gone = true;
        live.leave(queue, this, LiveQueues.Left.VOICEMAIL);
        leg.transfer(new Destination(VOICEMAIL, exit.get().box()));
    }

    @Override
    public void playbackFinished(PbxLeg played, long playbackId, PlaybackEnd reason) {
        if (playbackId == confirmation) {
            leg.hangUp("queue " + queue + ": callback requested");
            return;
        }
        if (playbackId == announcement && reason == PlaybackEnd.COMPLETED && !gone && !offering) {
            playMusic();
        }
    }

    @Override
    public void ended(String cause) {
        ended = true;
        if (!gone) {
            gone = true;
            live.leave(queue, this, LiveQueues.Left.ABANDONED);
        }
    }

    /**
     * The caller leaves the line but keeps its place: the request is stored before the caller is
     * released (off this thread; the answer comes back on it). Should the database refuse, the caller
     * is told nothing was kept and hung up, its call ending as the cause says.
     */
    private void requestCallback() {
        Optional<Instant> joinedAt = live.toCallback(queue, this);
        if (joinedAt.isEmpty()) {
            return;
        }
        gone = true;
        leg.stopPlayback();
        callbacks.request(queue, leg.caller(), leg.id(), joinedAt.get()).whenCompleteAsync((request, error) -> {
            if (ended) {
                return;
            }
            if (error != null) {
                log.warn("queue callback not stored call_id={} queue={}: {}", leg.id(), queue, error.toString());
                leg.hangUp("queue " + queue + ": callback could not be stored");
            } else {
                confirmation = leg.play(prompts.get("queue-callback-saved").source());
            }
        }, executor);
    }

    /** Past the longest wait or into a full queue: the timeout action takes the caller, or it is hung up. */
    private void sendOn(String why) {
        gone = true;
        settings().flatMap(NewCallQueue::timeoutAction).ifPresentOrElse(
                action -> leg.transfer(new Destination(action.action(), action.target())),
                () -> leg.hangUp("queue " + queue + ": " + why));
    }

    private void playMusic() {
        music.forClass(settings().flatMap(NewCallQueue::mohClass).orElse(NewMohClass.DEFAULT)).ifPresent(leg::play);
    }

    private Optional<NewCallQueue> settings() {
        return queues.find(queue).map(CallQueue::values);
    }
}
