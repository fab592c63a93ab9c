package org.switchboard.pbx.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.queue.JdbiCallQueueStore;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.QueueCall;
import org.switchboard.store.queue.QueueStrategy;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The live queues driven by hand, with a moved clock and callers that run what they are told at once:
 * a full queue, ring all and the losers freed on the answer, wrap-up until the clock passes it, a
 * caller who hangs up while agents ring (and the events saying so), announcements when due, a callback
 * request keeping its caller's place without timing out, and one to try later not offered before. Real queue
 * service on SQLite.
 */
class LiveQueuesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final TestDatabase db = TestDatabases.sqlite();
    private final TestClock clock = new TestClock(T0);
    private final EventBus events = new EventBus();
    private final List<QueueCall> outcomes = new CopyOnWriteArrayList<>();
    private final QueueService queues;
    private final LiveQueues live;

    LiveQueuesTest() {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(64, 1, 1), clock, events);
        for (String n : List.of("2001", "2002")) {
            extensions.create(new ExtensionInput(n, "Agent " + n, "password-" + n, null, null, false, true), "test");
        }
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, clock, events);
        queues = new QueueService(new JdbiCallQueueStore(db.database()), extensions, dialPlan.kinds(), name -> false, clock, events);
        live = new LiveQueues(queues, events, clock, new Random(1), outcomes::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A waiting caller that keeps what it was told; it runs on the test's thread. */
    private static final class TestCaller implements LiveQueues.Caller {
        final String id;
        final boolean callback;
        final List<List<String>> offers = new CopyOnWriteArrayList<>();
        final List<Integer> announced = new CopyOnWriteArrayList<>();
        boolean timedUp;

        TestCaller(String id) {
            this(id, false);
        }

        TestCaller(String id, boolean callback) {
            this.id = id;
            this.callback = callback;
        }

        @Override
        public boolean callback() {
            return callback;
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public String callId() {
            return id;
        }

        @Override
        public String caller() {
            return "1001";
        }

        @Override
        public void offer(List<String> agents, Duration ringTime) {
            offers.add(agents);
        }

        @Override
        public void timeUp() {
            timedUp = true;
        }

        @Override
        public void announce(int position, Optional<Duration> estimatedWait) {
            announced.add(position);
        }
    }

    private void queue(QueueStrategy strategy, int wrapUp, int maxCallers, int announce) {
        queues.create(new NewCallQueue("sales", strategy, List.of("2001", "2002"), 15, wrapUp, 300, maxCallers, Optional.empty(),
                Optional.empty(), announce, Optional.empty(), 20, Map.of(), Optional.empty()), "test");
    }

    private Map<String, Integer> agents() {
        return live.stats(queues.get("sales")).agentsByState();
    }

    @Test
    void aFullQueueTurnsTheNextCallerAwayAndRecordsIt() {
        queue(QueueStrategy.LINEAR, 0, 1, 0);
        live.useReachability(number -> false);

        assertThat(live.join("sales", new TestCaller("a"))).isEqualTo(LiveQueues.Joined.WAITING);
        assertThat(live.join("sales", new TestCaller("b"))).isEqualTo(LiveQueues.Joined.FULL);
        assertThat(live.join("nope", new TestCaller("c"))).isEqualTo(LiveQueues.Joined.NO_QUEUE);

        QueueStats stats = live.stats(queues.get("sales"));
        assertThat(stats.waiting()).isEqualTo(1);
        assertThat(stats.full()).isEqualTo(1);
        assertThat(stats.agentsByState()).isEqualTo(Map.of("unreachable", 2));
        assertThat(outcomes).extracting(QueueCall::callId, QueueCall::outcome).containsExactly(tuple("b", "full"));
    }

    @Test
    void ringAllOffersEveryFreeAgentFreesTheOthersOnTheAnswerAndWrapUpEndsWithTheClock() {
        queue(QueueStrategy.RING_ALL, 30, 0, 0);
        TestCaller caller = new TestCaller("call-1");

        live.join("sales", caller);
        assertThat(caller.offers).containsExactly(List.of("2001", "2002"));
        assertThat(agents()).isEqualTo(Map.of("ringing", 2));

        live.answered("sales", caller, "2002", "call-1");
        assertThat(agents()).isEqualTo(Map.of("available", 1, "on_call", 1));

        live.callEvent(new PbxEvent.CallEnded(clock.instant(), "call-1", "ANSWERED", "BYE from callee"));
        assertThat(agents()).isEqualTo(Map.of("available", 1, "wrap_up", 1));
        clock.advance(Duration.ofSeconds(31));
        live.tick();
        assertThat(agents()).isEqualTo(Map.of("available", 2));
        assertThat(live.stats(queues.get("sales")).agents()).extracting(QueueStats.Agent::answered).containsExactly(0L, 1L);
    }

    @Test
    void aCallerWhoHangsUpWhileAgentsRingIsAbandonedAndTheAgentsAreFree() throws InterruptedException {
        queue(QueueStrategy.LINEAR, 0, 0, 0);
        BlockingQueue<PbxEvent> seen = new LinkedBlockingQueue<>();
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 64, event -> {
            if (event instanceof PbxEvent.QueueActivity) {
                seen.add(event);
            }
        });
        TestCaller caller = new TestCaller("call-2");
        live.join("sales", caller);
        assertThat(caller.offers).containsExactly(List.of("2001"));

        live.leave("sales", caller, LiveQueues.Left.ABANDONED);

        QueueStats stats = live.stats(queues.get("sales"));
        assertThat(stats.abandoned()).isEqualTo(1);
        assertThat(stats.waiting()).isZero();
        assertThat(stats.agentsByState()).isEqualTo(Map.of("available", 2));
        assertThat(outcomes).extracting(QueueCall::outcome).containsExactly("abandoned");
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new PbxEvent.QueueActivity(T0, "sales", "joined", "call-2", "1001", "", 1));
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new PbxEvent.QueueActivity(T0, "sales", "abandoned", "call-2", "1001", "", 0));
    }

    @Test
    void waitingCallersHearTheirPositionWhenAnAnnouncementIsDue() {
        queue(QueueStrategy.LINEAR, 0, 0, 30);
        live.useReachability(number -> false);
        TestCaller first = new TestCaller("call-3");
        TestCaller second = new TestCaller("call-4");
        live.join("sales", first);
        live.join("sales", second);

        live.tick();
        clock.advance(Duration.ofSeconds(10));
        live.tick();
        clock.advance(Duration.ofSeconds(20));
        live.tick();

        assertThat(first.announced).containsExactly(1, 1);
        assertThat(second.announced).containsExactly(2, 2);
        assertThat(first.offers).isEmpty();
    }

    @Test
    void aCallbackKeepsItsCallersPlaceNeverTimesOutAndIsNotOfferedBeforeItsRetry() {
        queue(QueueStrategy.LINEAR, 0, 0, 0);
        live.useReachability(number -> false);
        TestCaller first = new TestCaller("call-5");
        TestCaller second = new TestCaller("call-6");
        live.join("sales", first);
        clock.advance(Duration.ofSeconds(10));
        live.join("sales", second);

        assertThat(live.toCallback("sales", first)).contains(T0);
        TestCaller request = new TestCaller("call-5", true);
        live.joinCallback("sales", request, T0, T0);

        assertThat(live.waiting("sales")).as("the request ahead of the later caller").containsExactly("call-5", "call-6");
        QueueStats stats = live.stats(queues.get("sales"));
        assertThat(stats.waiting()).as("callers on the line").isEqualTo(1);
        assertThat(stats.callbacks()).isEqualTo(1);
        assertThat(stats.callbacksWaiting()).isEqualTo(1);
        assertThat(outcomes).as("the request is the record of the call that asked").isEmpty();

        clock.advance(Duration.ofSeconds(300));
        live.tick();
        assertThat(second.timedUp).as("past the longest wait").isTrue();
        assertThat(request.timedUp).as("a request does not time out").isFalse();

        TestCaller third = new TestCaller("call-7");
        live.join("sales", third);
        live.withdraw("sales", request);
        live.joinCallback("sales", request, T0, clock.instant().plusSeconds(60));
        live.useReachability(number -> true);
        live.dispatch();
        assertThat(request.offers).as("not before its retry").isEmpty();
        assertThat(third.offers).containsExactly(List.of("2001"));

        clock.advance(Duration.ofSeconds(60));
        live.tick();
        assertThat(request.offers).containsExactly(List.of("2002"));
    }
}
