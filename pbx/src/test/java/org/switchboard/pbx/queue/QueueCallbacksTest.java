package org.switchboard.pbx.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.OriginateLeg;
import org.switchboard.pbx.call.OriginatedLegListener;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.TransferOptions;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.queue.CallbackRequest;
import org.switchboard.store.queue.JdbiCallQueueStore;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.QueueCallback;
import org.switchboard.store.queue.QueueStrategy;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Callback requests at start: the pending ones stored before a restart take their places again (one
 * being called when the node stopped goes back to waiting, its tries kept), the first is offered to a
 * free agent by ringing the agent's phones showing the caller's number, finished ones stay finished,
 * and a cancelled one leaves the line; a caller who does not answer costs a try, the request coming back
 * after the retry time until the last try fails it. Real store and queue service on SQLite; the originate is the
 * only stand-in (no SIP here).
 */
class QueueCallbacksTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final TestDatabase db = TestDatabases.sqlite();
    private final TestClock clock = new TestClock(T0.plusSeconds(600));
    private final EventBus events = new EventBus();
    private final JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
    private final QueueService queues;
    private final LiveQueues live;

    QueueCallbacksTest() {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(64, 1, 1), clock, events);
        extensions.create(new ExtensionInput("2001", "Agent", "password-2001", null, null, false, true), "test");
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, clock, events);
        queues = new QueueService(store, extensions, dialPlan.kinds(), name -> false, clock, events);
        queues.create(new NewCallQueue("sales", QueueStrategy.LINEAR, List.of("2001"), 20, 0, 300, 0, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), 20, Map.of(), Optional.of(new QueueCallback('1', 3, 60))), "test");
        live = new LiveQueues(queues, events, clock, new Random(1), call -> { });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pendingRequestsTakeTheirPlacesAgainAtStartAndTheFirstRingsAFreeAgent() throws InterruptedException {
        CallbackRequest calling = store.addCallback("sales", "1001", "call-1@pbx", T0, T0);
        store.saveCallback(calling.id(), CallbackRequest.CALLING, 1, T0.plusSeconds(5));
        CallbackRequest waiting = store.addCallback("sales", "+15551234567", "call-2@pbx", T0.plusSeconds(1), T0);
        CallbackRequest done = store.addCallback("sales", "1003", "call-3@pbx", T0.plusSeconds(2), T0);
        store.saveCallback(done.id(), CallbackRequest.DONE, 0, T0.plusSeconds(9));
        BlockingQueue<OriginateLeg> rung = new LinkedBlockingQueue<>();
        live.useReachability(number -> true);
        QueueCallbacks callbacks = new QueueCallbacks(store, queues, live, clock);

        callbacks.start((leg, listener) -> {
            rung.add(leg);
            return "callback-call@pbx";
        });

        OriginateLeg leg = rung.poll(10, TimeUnit.SECONDS);
        assertThat(leg).as("the agent is rung for the first in line").isNotNull();
        assertThat(leg.target()).isEqualTo(new OriginateLeg.Target.Extension("2001"));
        assertThat(leg.callerId()).as("the agent sees whom it will talk to").isEqualTo("1001");
        assertThat(leg.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        // The originator rings (and is polled above) before it returns the call's id, which then replaces the
        // request's place in line: wait for that, not for the ring.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(live.waiting("sales"))
                .as("both pending requests in line, in their callers' order")
                .containsExactly("callback-call@pbx", "call-2@pbx"));
        assertThat(live.stats(queues.get("sales")).callbacksWaiting()).isEqualTo(2);
        assertThat(store.callbacks("sales")).extracting(CallbackRequest::attempts).containsExactly(1, 0, 0);

        callbacks.cancel("sales", waiting.id());
        assertThat(live.waiting("sales")).containsExactly("callback-call@pbx");
        assertThat(callbacks.list("sales")).extracting(CallbackRequest::id).containsExactly(calling.id(), done.id());
        assertThat(live.stats(queues.get("sales")).agentsByState()).as("the one agent rings for the first")
                .isEqualTo(Map.of("ringing", 1));
        assertThatThrownBy(() -> callbacks.cancel("sales", waiting.id())).isInstanceOf(NotFoundException.class);
        callbacks.close();
    }

    @Test
    void aCallerWhoDoesNotAnswerCostsATryAndTheLastTryFailsTheRequest() throws InterruptedException {
        CallbackRequest request = store.addCallback("sales", "1001", "call-1@pbx", T0, T0);
        BlockingQueue<OriginatedLegListener> rung = new LinkedBlockingQueue<>();
        live.useReachability(number -> true);
        QueueCallbacks callbacks = new QueueCallbacks(store, queues, live, clock);
        callbacks.start((leg, listener) -> {
            rung.add(listener);
            return "callback-call@pbx";
        });

        for (int attempt = 1; attempt <= 3; attempt++) {
            OriginatedLegListener agent = rung.poll(10, TimeUnit.SECONDS);
            assertThat(agent).as("try %d rings the agent", attempt).isNotNull();
            AgentLeg leg = new AgentLeg();
            agent.answered(leg);
            assertThat(leg.transferredTo).as("the caller is dialled as if by the agent")
                    .isEqualTo(new Destination("extension", "1001"));
            agent.transferFailed(leg, leg.transferredTo, 480, "No Answer");
            assertThat(leg.hungUp).as("the agent is hung up").startsWith("queue sales: callback to 1001 failed: 480");
            if (attempt < 3) {
                assertThat(live.waiting("sales")).as("back in line after try %d", attempt).hasSize(1);
                live.dispatch();
                assertThat(live.stats(queues.get("sales")).agentsByState()).as("not offered before the retry time")
                        .isEqualTo(Map.of("available", 1));
                clock.advance(Duration.ofSeconds(60));
                live.tick();
            }
        }
        assertThat(live.waiting("sales")).as("failed: out of line").isEmpty();
        callbacks.close(); // the states are written behind: closing writes them all
        CallbackRequest failed = store.callbacks("sales").getFirst();
        assertThat(failed.id()).isEqualTo(request.id());
        assertThat(failed.state()).isEqualTo(CallbackRequest.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(store.pendingCallbacks()).isEmpty();
    }

    /** The agent's answered leg: keeps where it was sent and why it was hung up. */
    private static final class AgentLeg implements PbxLeg {
        Destination transferredTo;
        String hungUp;

        @Override
        public String id() {
            return "callback-call@pbx";
        }

        @Override
        public String caller() {
            return "1001";
        }

        @Override
        public String dialled() {
            return "1001";
        }

        @Override
        public String callerName() {
            return "Callback sales";
        }

        @Override
        public void transfer(Destination destination, TransferOptions options) {
            transferredTo = destination;
        }

        @Override
        public long play(AudioSource source) {
            throw new UnsupportedOperationException("nothing is played to the agent");
        }

        @Override
        public void stopPlayback() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void record(RecordingSink sink, RecordOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopRecording() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void collectDigits(DigitCollection request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void joinMixer(Mixer mixer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void leaveMixer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void muteInMixer(boolean muted) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void hangUp(String cause) {
            hungUp = cause;
        }
    }
}
