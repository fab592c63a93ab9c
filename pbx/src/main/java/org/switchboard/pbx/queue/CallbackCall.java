package org.switchboard.pbx.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.OriginateLeg;
import org.switchboard.pbx.call.OriginatedLegListener;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.store.queue.CallQueue;
import org.switchboard.store.queue.CallbackRequest;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.QueueCallback;

/**
 * One callback request in line (docs/queues.md, "Callback"). When the live queues offer it to an
 * agent, the PBX rings the agent's phones directly (no forwarding, for the queue's ring time) showing
 * the caller's number; when the agent answers, that leg is sent to the caller's number through the
 * dial plan as if the agent dialled it (an extension, or an outbound route for an external number),
 * and once the caller answers the two are an ordinary bridged call, counted as an answered queue call.
 * An agent who does not answer is passed over like any offer; a caller who does not answer costs a
 * try: the request goes out of line and comes back after the queue's retry time, or fails after its
 * last try.
 *
 * <p>Thread-safe: the live queues post to it on virtual threads and the call reports on its executor,
 * so every method holds this object's lock (short work, nothing waits).
 */
final class CallbackCall implements LiveQueues.Caller, OriginatedLegListener {
    private static final Logger log = LoggerFactory.getLogger(CallbackCall.class);

    private enum Stage { WAITING, RINGING_AGENT, AGENT_ANSWERED, CONNECTED, OVER }

    private final CallbackRequest request;
    private final QueueCallbacks callbacks;
    private final LiveQueues live;
    private final QueueService queues;
    private int attempts;
    private Stage stage = Stage.WAITING;
    private String agent = "";
    // read by the live queues under their own lock: volatile, not this object's lock, so neither waits for the other
    private volatile String callId; // the call that asked for it, then the call that calls back
    private PbxLeg leg;

    CallbackCall(CallbackRequest request, int attempts, QueueCallbacks callbacks, LiveQueues live, QueueService queues) {
        this.request = request;
        this.attempts = attempts;
        this.callbacks = callbacks;
        this.live = live;
        this.queues = queues;
        this.callId = request.callId();
    }

    // ---- told by the live queues --------------------------------------------------------------------

    @Override
    public Executor executor() {
        return callbacks.tasks();
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String caller() {
        return request.number();
    }

    @Override
    public boolean callback() {
        return true;
    }

    /** Rings the first agent offered (a callback calls one agent at a time, ring all included). */
    @Override
    public synchronized void offer(List<String> agents, Duration ringTime) {
        QueueCallbacks.Originator originator = callbacks.originator();
        if (stage != Stage.WAITING || originator == null) {
            live.offerFailed(request.queue(), this);
            return;
        }
        stage = Stage.RINGING_AGENT;
        agent = agents.getFirst();
        callbacks.save(request.id(), CallbackRequest.CALLING, attempts);
        try {
            callId = originator.originate(new OriginateLeg(new OriginateLeg.Target.Extension(agent), request.number(),
                    "Callback " + request.queue(), request.number(), ringTime, false), this);
        } catch (RuntimeException e) {
            // the node is stopping or the request is malformed: the agent is free again and the request waits
            log.warn("queue callback id={} could not ring agent={}: {}", request.id(), agent, e.toString());
            stage = Stage.WAITING;
            callbacks.save(request.id(), CallbackRequest.WAITING, attempts);
            live.offerFailed(request.queue(), this);
            return;
        }
        log.info("queue callback id={} queue={} rings agent={} call_id={}", request.id(), request.queue(), agent, callId);
    }

    /** The queue was deleted (its requests with it): nothing more to call back. */
    @Override
    public synchronized void timeUp() {
        stage = Stage.OVER;
        callbacks.finished(request.id());
    }

    @Override
    public void announce(int position, Optional<Duration> estimatedWait) {
        // nobody is on the line to hear it
    }

    /** Deleted through the API: out of line, and an agent already rung or answering is hung up. */
    synchronized void cancel() {
        Stage was = stage;
        stage = Stage.OVER;
        live.withdraw(request.queue(), this);
        if (leg != null && (was == Stage.RINGING_AGENT || was == Stage.AGENT_ANSWERED)) {
            leg.hangUp("queue " + request.queue() + ": callback cancelled");
        }
    }

    // ---- what happens on the agent's leg -------------------------------------------------------------

    @Override
    public synchronized void failed(PbxLeg failed, int status, String reason) {
        if (stage != Stage.RINGING_AGENT) {
            return;
        }
        stage = Stage.WAITING;
        callbacks.save(request.id(), CallbackRequest.WAITING, attempts);
        live.offerFailed(request.queue(), this);
    }

    @Override
    public synchronized void answered(PbxLeg answered) {
        leg = answered;
        if (stage != Stage.RINGING_AGENT) {
            answered.hangUp("queue " + request.queue() + ": callback cancelled");
            return;
        }
        stage = Stage.AGENT_ANSWERED;
        answered.transfer(new Destination("extension", request.number()));
    }

    @Override
    public synchronized void transferred(PbxLeg transferred, Destination to) {
        if (stage != Stage.AGENT_ANSWERED) {
            return;
        }
        stage = Stage.CONNECTED;
        callbacks.save(request.id(), CallbackRequest.DONE, attempts);
        callbacks.finished(request.id());
        live.answered(request.queue(), this, agent, transferred.id());
    }

    /** The caller did not take the call: one try gone; the agent is hung up and the request waits for the next. */
    @Override
    public synchronized void transferFailed(PbxLeg failed, Destination to, int status, String reason) {
        if (stage != Stage.AGENT_ANSWERED) {
            return;
        }
        failed.hangUp("queue " + request.queue() + ": callback to " + request.number() + " failed: " + status + " " + reason);
        callerMissed();
    }

    @Override
    public synchronized void ended(String cause) {
        switch (stage) {
            // the agent hung up before the caller answered: the agent is passed over, the caller keeps its try
            case AGENT_ANSWERED -> {
                stage = Stage.WAITING;
                callbacks.save(request.id(), CallbackRequest.WAITING, attempts);
                live.offerFailed(request.queue(), this);
            }
            case RINGING_AGENT -> failed(leg, 0, cause);
            default -> { }
        }
    }

    private void callerMissed() {
        attempts++;
        live.withdraw(request.queue(), this);
        Optional<QueueCallback> settings = queues.find(request.queue()).map(CallQueue::values).flatMap(NewCallQueue::callback);
        if (settings.isEmpty() || attempts >= settings.get().maxAttempts()) {
            stage = Stage.OVER;
            callbacks.save(request.id(), CallbackRequest.FAILED, attempts);
            callbacks.finished(request.id());
            log.info("queue callback id={} queue={} failed after {} tries", request.id(), request.queue(), attempts);
            return;
        }
        stage = Stage.WAITING;
        callId = request.callId();
        callbacks.save(request.id(), CallbackRequest.WAITING, attempts);
        live.joinCallback(request.queue(), this, request.enqueuedAt(),
                callbacks.clock().instant().plusSeconds(settings.get().retrySeconds()));
    }
}
