package org.switchboard.pbx.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.store.queue.AgentState;
import org.switchboard.store.queue.CallQueue;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.QueueCall;

/**
 * The queues as they live on this node: who waits in which queue, what each agent is doing (rung,
 * on a queue call, in wrap-up, on another call), the statistics; and the dispatch that offers the
 * callers at the head of each queue to its free agents by the queue's strategy. Waiting callers are
 * told what to do (ring these agents, leave, hear an announcement) as tasks posted to their call's
 * executor; they report back through the methods here. {@link #tick} (every second) ends wrap-ups,
 * sends callers past the longest wait away and announces positions.
 *
 * <p>Thread-safe: every method holds this object's lock for a short piece of memory work and never
 * waits for a call (tasks are only posted), so call executors, the event bus and the API may call it.
 * Lost on a restart, like the calls it describes.
 */
public final class LiveQueues {
    /** How long an agent who refused or missed an offer is left alone before it is offered a caller again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(3);

    /** A waiting caller as the live queues see it: every method but {@link #executor} runs on that executor. */
    interface Caller {
        Executor executor();

        String callId();

        String caller();

        /** Ring {@code agents} (several for ring all) for {@code ringTime}; report with {@link #answered} or {@link #offerFailed}. */
        void offer(List<String> agents, Duration ringTime);

        /** The caller waited the queue's longest wait: it has left the queue and goes to the timeout action. */
        void timeUp();

        /** Tell the caller where it is and, when known, how long it may still wait. */
        void announce(int position, Optional<Duration> estimatedWait);

        /** Whether this is a callback request (nobody on the line): it neither times out nor hears announcements. */
        default boolean callback() {
            return false;
        }
    }

    /** What {@link #join} did with a caller. */
    enum Joined { WAITING, FULL, NO_QUEUE }

    /** Why a caller left the queue other than being answered. */
    enum Left {
        ABANDONED("abandoned"), VOICEMAIL("voicemail");

        final String activity;

        Left(String activity) {
            this.activity = activity;
        }
    }

    private enum Activity { FREE, RINGING, ON_CALL, WRAP_UP }

    private static final class Waiting {
        final Caller caller;
        final Instant joinedAt;
        Instant nextAnnouncement;
        Instant notBefore = Instant.MIN; // a callback to try again later is not offered before
        List<String> offeredTo = List.of();

        Waiting(Caller caller, Instant joinedAt) {
            this.caller = caller;
            this.joinedAt = joinedAt;
        }
    }

    private static final class Agent {
        Activity activity = Activity.FREE;
        Instant until = Instant.MIN; // end of wrap-up
        Instant retryAfter = Instant.MIN;
        String callId = "";
        String queue = "";
        Instant answeredAt = Instant.MIN;
    }

    private static final class Live {
        final List<Waiting> waiting = new ArrayList<>();
        Optional<String> lastOffered = Optional.empty();
        final Map<String, Instant> lastEnded = new HashMap<>();
        final Map<String, Integer> answeredBy = new HashMap<>();
        long answered;
        long answeredInTime;
        long abandoned;
        long timedOut;
        long full;
        long voicemail;
        long callbacks; // callers who chose to be called back
        long waitedSeconds; // of the answered callers
        long handledCalls;
        long handledSeconds; // talk and wrap-up of the calls that ended
    }

    /** A call on this node outside the queues: whom it makes busy. */
    private record OtherCall(String caller, String callee, boolean answered) {}

    private final QueueService queues;
    private final EventBus events;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<QueueCall> outcomes;
    private final Map<String, Live> live = new HashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, OtherCall> otherCalls = new HashMap<>();
    private Predicate<String> reachable = number -> true;

    /** @param outcomes where each caller's way out of a queue goes (a write-behind queue: never blocks) */
    public LiveQueues(QueueService queues, EventBus events, Clock clock, RandomGenerator random, Consumer<QueueCall> outcomes) {
        this.queues = queues;
        this.outcomes = outcomes;
        this.events = events;
        this.clock = clock;
        this.random = random;
    }

    /** Which extensions can be rung at all (a registered phone, not on do-not-disturb); set once SIP runs. */
    public synchronized void useReachability(Predicate<String> canRing) {
        reachable = canRing;
    }

    /** Follows the node's calls: an agent on another call is not offered callers, a queue call that ended starts wrap-up. */
    public synchronized void callEvent(PbxEvent event) {
        switch (event) {
            case PbxEvent.CallStarted s -> otherCalls.put(s.callId(), new OtherCall(s.caller(), s.callee(), false));
            case PbxEvent.CallAnswered a -> otherCalls.computeIfPresent(a.callId(),
                    (id, c) -> new OtherCall(c.caller(), c.callee(), true));
            case PbxEvent.CallEnded e -> {
                otherCalls.remove(e.callId());
                queueCallEnded(e.callId());
                dispatch();
            }
            default -> { }
        }
    }

    /** A caller answered by the PBX enters queue {@code name}. */
    synchronized Joined join(String name, Caller caller) {
        Optional<CallQueue> queue = queues.find(name);
        if (queue.isEmpty()) {
            return Joined.NO_QUEUE;
        }
        NewCallQueue settings = queue.get().values();
        Live state = live.computeIfAbsent(name, n -> new Live());
        if (settings.maxCallers() > 0 && state.waiting.size() >= settings.maxCallers()) {
            state.full++;
            Instant now = clock.instant();
            outcomes.accept(new QueueCall(caller.callId(), name, caller.caller(), "full", Optional.empty(), now, now));
            publish(name, "full", caller, "", state);
            return Joined.FULL;
        }
        Waiting waiting = new Waiting(caller, clock.instant());
        waiting.nextAnnouncement = settings.announceSeconds() > 0 ? waiting.joinedAt : Instant.MAX;
        state.waiting.add(waiting);
        publish(name, "joined", caller, "", state);
        dispatch();
        return Joined.WAITING;
    }

    /** The offer to {@code caller} failed (nobody answered, busy, refused): its agents may be offered others, later. */
    synchronized void offerFailed(String name, Caller caller) {
        Waiting waiting = find(name, caller);
        if (waiting == null) {
            return;
        }
        Instant retry = clock.instant().plus(RETRY_AFTER);
        for (String number : waiting.offeredTo) {
            Agent agent = agent(number);
            agent.activity = Activity.FREE;
            agent.retryAfter = retry;
        }
        waiting.offeredTo = List.of();
        dispatch();
    }

    /** Agent {@code number} answered {@code caller}, now bridged to it as call {@code callId}. */
    synchronized void answered(String name, Caller caller, String number, String callId) {
        Live state = live.get(name);
        Waiting waiting = find(name, caller);
        if (state == null || waiting == null) {
            return;
        }
        state.waiting.remove(waiting);
        for (String other : waiting.offeredTo) {
            agent(other).activity = Activity.FREE; // ring all: the others were cancelled
        }
        Instant now = clock.instant();
        long waited = Duration.between(waiting.joinedAt, now).toSeconds();
        state.answered++;
        state.waitedSeconds += waited;
        if (waited <= queues.find(name).map(q -> q.values().serviceLevelSeconds()).orElse(Integer.MAX_VALUE)) {
            state.answeredInTime++;
        }
        state.answeredBy.merge(number, 1, Integer::sum);
        Agent agent = agent(number);
        agent.activity = Activity.ON_CALL;
        agent.callId = callId;
        agent.queue = name;
        agent.answeredAt = now;
        outcomes.accept(new QueueCall(caller.callId(), name, caller.caller(), "answered", Optional.of(number), waiting.joinedAt, now));
        publish(name, "answered", caller, number, state);
        dispatch();
    }

    /** {@code caller} left queue {@code name} unanswered (hung up, or pressed the voicemail key). */
    synchronized void leave(String name, Caller caller, Left why) {
        Live state = live.get(name);
        Waiting waiting = find(name, caller);
        if (state == null || waiting == null) {
            return;
        }
        state.waiting.remove(waiting);
        waiting.offeredTo.forEach(number -> agent(number).activity = Activity.FREE);
        switch (why) {
            case ABANDONED -> state.abandoned++;
            case VOICEMAIL -> state.voicemail++;
        }
        outcomes.accept(new QueueCall(caller.callId(), name, caller.caller(), why.activity, Optional.empty(), waiting.joinedAt,
                clock.instant()));
        publish(name, why.activity, caller, "", state);
        dispatch();
    }

    /**
     * {@code caller} chose to be called back: it leaves the line but not its place, which its request
     * keeps. Returns when it joined the queue (the request's place), empty when it is no longer waiting.
     * Its way out is the callback request, not a {@code queue_calls} outcome.
     */
    synchronized Optional<Instant> toCallback(String name, Caller caller) {
        Live state = live.get(name);
        Waiting waiting = find(name, caller);
        if (state == null || waiting == null) {
            return Optional.empty();
        }
        state.waiting.remove(waiting);
        waiting.offeredTo.forEach(number -> agent(number).activity = Activity.FREE);
        state.callbacks++;
        publish(name, "callback", caller, "", state);
        dispatch();
        return Optional.of(waiting.joinedAt);
    }

    /**
     * Callback request {@code caller} takes its place in line in queue {@code name}: by {@code joinedAt},
     * when its caller entered the queue, and offered to agents from {@code notBefore} on.
     */
    synchronized Joined joinCallback(String name, Caller caller, Instant joinedAt, Instant notBefore) {
        if (queues.find(name).isEmpty()) {
            return Joined.NO_QUEUE;
        }
        Live state = live.computeIfAbsent(name, n -> new Live());
        Waiting waiting = new Waiting(caller, joinedAt);
        waiting.nextAnnouncement = Instant.MAX;
        waiting.notBefore = notBefore;
        int place = 0;
        while (place < state.waiting.size() && !state.waiting.get(place).joinedAt.isAfter(joinedAt)) {
            place++;
        }
        state.waiting.add(place, waiting);
        dispatch();
        return Joined.WAITING;
    }

    /** Takes {@code caller} out of line without an outcome (a callback to try later, or cancelled); frees its agents. */
    synchronized void withdraw(String name, Caller caller) {
        Live state = live.get(name);
        Waiting waiting = find(name, caller);
        if (state == null || waiting == null) {
            return;
        }
        state.waiting.remove(waiting);
        waiting.offeredTo.forEach(number -> agent(number).activity = Activity.FREE);
        dispatch();
    }

    /** Ends wrap-ups that are over, sends callers past the longest wait away, announces positions, then dispatches. */
    public synchronized void tick() {
        Instant now = clock.instant();
        agents.values().stream().filter(a -> a.activity == Activity.WRAP_UP && !a.until.isAfter(now))
                .forEach(a -> a.activity = Activity.FREE);
        for (Map.Entry<String, Live> entry : live.entrySet()) {
            Optional<CallQueue> queue = queues.find(entry.getKey());
            Live state = entry.getValue();
            if (queue.isEmpty()) {
                // deleted while callers waited: nobody will answer them, so they go as if past the longest wait
                state.waiting.forEach(waiting -> post(waiting.caller, waiting.caller::timeUp));
                state.waiting.clear();
                continue;
            }
            NewCallQueue settings = queue.get().values();
            for (Waiting waiting : List.copyOf(state.waiting)) {
                boolean pastMaxWait = !waiting.caller.callback() && settings.maxWaitSeconds() > 0
                        && !waiting.joinedAt.plusSeconds(settings.maxWaitSeconds()).isAfter(now);
                if (pastMaxWait && waiting.offeredTo.isEmpty()) {
                    state.waiting.remove(waiting);
                    state.timedOut++;
                    outcomes.accept(new QueueCall(waiting.caller.callId(), entry.getKey(), waiting.caller.caller(), "timeout",
                            Optional.empty(), waiting.joinedAt, now));
                    publish(entry.getKey(), "timeout", waiting.caller, "", state);
                    post(waiting.caller, waiting.caller::timeUp);
                }
            }
            for (int i = 0; i < state.waiting.size(); i++) {
                Waiting waiting = state.waiting.get(i);
                if (waiting.offeredTo.isEmpty() && !waiting.nextAnnouncement.isAfter(now)) {
                    waiting.nextAnnouncement = now.plusSeconds(settings.announceSeconds());
                    int position = i + 1;
                    Optional<Duration> estimate = estimate(state, settings, position);
                    post(waiting.caller, () -> waiting.caller.announce(position, estimate));
                }
            }
        }
        dispatch();
    }

    /** The waiting callers of queue {@code name}, first in line first: their call ids. */
    public synchronized List<String> waiting(String name) {
        Live state = live.get(name);
        return state == null ? List.of() : state.waiting.stream().map(w -> w.caller.callId()).toList();
    }

    /** Queue {@code name}'s statistics now. */
    public synchronized QueueStats stats(CallQueue queue) {
        Live state = live.getOrDefault(queue.name(), new Live());
        Instant now = clock.instant();
        List<Waiting> onLine = state.waiting.stream().filter(w -> !w.caller.callback()).toList();
        long longest = onLine.stream().mapToLong(w -> Duration.between(w.joinedAt, now).toSeconds()).max().orElse(0);
        long judged = state.answered + state.abandoned;
        double level = judged == 0 ? 100.0 : Math.round(1000.0 * state.answeredInTime / judged) / 10.0;
        List<QueueStats.Agent> members = new ArrayList<>();
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (String number : queue.values().members()) {
            String agentState = state(number, now);
            members.add(new QueueStats.Agent(number, agentState, state.answeredBy.getOrDefault(number, 0)));
            byState.merge(agentState, 1, Integer::sum);
        }
        return new QueueStats(queue.name(), onLine.size(), longest, state.answered, state.abandoned, state.timedOut,
                state.full, state.voicemail, state.callbacks, state.waiting.size() - onLine.size(), level,
                state.answered == 0 ? 0 : state.waitedSeconds / state.answered, byState,
                members);
    }

    /**
     * Agent {@code number}'s state as the statistics show it: {@code logged_out}, {@code paused}, {@code
     * ringing}, {@code on_call} (a queue call), {@code wrap_up}, {@code busy} (another call), {@code
     * unreachable} (no phone, do-not-disturb) or {@code available}.
     */
    private String state(String number, Instant now) {
        AgentState stored = queues.agent(number);
        Agent agent = agents.get(number);
        if (!stored.loggedIn()) {
            return "logged_out";
        }
        if (agent != null && agent.activity == Activity.ON_CALL) {
            return "on_call";
        }
        if (stored.paused()) {
            return "paused";
        }
        if (agent != null && agent.activity == Activity.RINGING) {
            return "ringing";
        }
        if (agent != null && agent.activity == Activity.WRAP_UP && agent.until.isAfter(now)) {
            return "wrap_up";
        }
        if (busyElsewhere(number)) {
            return "busy";
        }
        return reachable.test(number) ? "available" : "unreachable";
    }

    /** Offers the callers at the head of every queue to its free agents, as long as there are both. */
    public synchronized void dispatch() {
        Instant now = clock.instant();
        for (Map.Entry<String, Live> entry : live.entrySet()) {
            Optional<CallQueue> queue = queues.find(entry.getKey());
            if (queue.isEmpty()) {
                continue;
            }
            NewCallQueue settings = queue.get().values();
            Live state = entry.getValue();
            for (Waiting waiting : state.waiting) {
                if (!waiting.offeredTo.isEmpty() || waiting.notBefore.isAfter(now)) {
                    continue;
                }
                Set<String> free = new HashSet<>();
                settings.members().stream().filter(number -> free(number, now)).forEach(free::add);
                List<String> picked = AgentPicker.pick(settings.strategy(), settings.members(), free, state.lastOffered,
                        state.lastEnded, state.answeredBy, settings.skillRequirements(), queues::skillsOf, random);
                if (picked.isEmpty()) {
                    break; // nobody free (or skilled) for the first in line: nobody for those behind it either
                }
                picked.forEach(number -> agent(number).activity = Activity.RINGING);
                state.lastOffered = Optional.of(picked.getLast());
                waiting.offeredTo = picked;
                Duration ringTime = Duration.ofSeconds(settings.ringSeconds());
                post(waiting.caller, () -> waiting.caller.offer(picked, ringTime));
            }
        }
    }

    private boolean free(String number, Instant now) {
        Agent agent = agents.get(number);
        boolean idle = agent == null || agent.activity == Activity.FREE
                || agent.activity == Activity.WRAP_UP && !agent.until.isAfter(now);
        return idle && (agent == null || !agent.retryAfter.isAfter(now)) && queues.agent(number).available()
                && !busyElsewhere(number) && reachable.test(number);
    }

    private boolean busyElsewhere(String number) {
        for (OtherCall call : otherCalls.values()) {
            if (call.caller().equals(number) || call.answered() && call.callee().equals(number)) {
                return true;
            }
        }
        return false;
    }

    private void queueCallEnded(String callId) {
        Instant now = clock.instant();
        for (Map.Entry<String, Agent> entry : agents.entrySet()) {
            Agent agent = entry.getValue();
            if (agent.activity != Activity.ON_CALL || !agent.callId.equals(callId)) {
                continue;
            }
            int wrapUp = queues.find(agent.queue).map(q -> q.values().wrapUpSeconds()).orElse(0);
            agent.activity = wrapUp > 0 ? Activity.WRAP_UP : Activity.FREE;
            agent.until = now.plusSeconds(wrapUp);
            Live state = live.get(agent.queue);
            if (state != null) {
                state.lastEnded.put(entry.getKey(), now);
                state.handledCalls++;
                state.handledSeconds += Duration.between(agent.answeredAt, now).toSeconds() + wrapUp;
            }
            agent.callId = "";
        }
    }

    /** How long the caller at {@code position} may still wait: its share of the agents' average call; empty before any call ended. */
    private Optional<Duration> estimate(Live state, NewCallQueue settings, int position) {
        if (state.handledCalls == 0) {
            return Optional.empty();
        }
        long loggedIn = settings.members().stream().filter(m -> queues.agent(m).available()).count();
        return Optional.of(Duration.ofSeconds(position * (state.handledSeconds / state.handledCalls) / Math.max(1, loggedIn)));
    }

    private Waiting find(String name, Caller caller) {
        Live state = live.get(name);
        if (state == null) {
            return null;
        }
        return state.waiting.stream().filter(w -> w.caller == caller).findFirst().orElse(null);
    }

    private Agent agent(String number) {
        return agents.computeIfAbsent(number, n -> new Agent());
    }

    private void publish(String queue, String activity, Caller caller, String agent, Live state) {
        events.publish(new PbxEvent.QueueActivity(clock.instant(), queue, activity, caller.callId(), caller.caller(), agent,
                state.waiting.size()));
    }

    private static void post(Caller caller, Runnable task) {
        caller.executor().execute(task);
    }
}
