package org.switchboard.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.switchboard.api.http.Routes;
import org.switchboard.api.queue.QueueRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.queue.AgentCodes;
import org.switchboard.pbx.queue.LiveQueues;
import org.switchboard.pbx.queue.QueueApplication;
import org.switchboard.pbx.queue.QueueCallbacks;
import org.switchboard.pbx.queue.QueueKind;
import org.switchboard.pbx.queue.QueueService;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.queue.JdbiCallQueueStore;
import org.switchboard.store.queue.QueueCall;

/**
 * Call queues: destination kinds {@code queue} (its callers wait with the queue's music from music on hold and
 * announcements from the node's prompts) and {@code queue_agent} (the agents' feature codes), the queues' cache
 * (reloaded after every extension change, since members follow renumbered and deleted extensions), the live
 * queues with their one-second tick, which follow the node's calls on the event bus and ring only agents with a
 * registered phone and no do-not-disturb once SIP runs, the write-behind queue of callers' outcomes (flushed at
 * shutdown), the callback requests (resumed from the database once SIP runs, since they originate calls), and the
 * routes. Built and driven by the start-up thread.
 */
final class QueueModule implements FeatureModule {
    private final Features features;
    private final QueueService queues;
    private final LiveQueues live;
    private final BatchWriter<QueueCall> outcomes;
    private final QueueCallbacks callbacks;

    private QueueModule(Features features, QueueService queues, LiveQueues live, BatchWriter<QueueCall> outcomes,
            QueueCallbacks callbacks) {
        this.features = features;
        this.queues = queues;
        this.live = live;
        this.outcomes = outcomes;
        this.callbacks = callbacks;
    }

    static QueueModule build(Features features, Database database, Clock clock) {
        JdbiCallQueueStore store = new JdbiCallQueueStore(database);
        QueueService queues = new QueueService(store, features.extensions(),
                features.dialPlan().kinds(), name -> features.moh().list().stream().anyMatch(c -> c.name().equals(name)),
                clock, features.events());
        // outcomes are never dropped: they are the queue's part of the CDR
        BatchWriter<QueueCall> outcomes = new BatchWriter<>("queue_call", database,
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), QueueCall::key, JdbiCallQueueStore::writeCalls);
        LiveQueues live = new LiveQueues(queues, features.events(), clock, new Random(), outcomes::submit);
        queues.onAgentsChanged(live::dispatch);
        return new QueueModule(features, queues, live, outcomes, new QueueCallbacks(store, queues, live, clock));
    }

    @Override
    public String name() {
        return "queues";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(QueueKind.of(queues),
                        new QueueApplication(queues, live, features.prompts(), features.moh()::forClass, callbacks)),
                new ModuleDestination(AgentCodes.kind(), new AgentCodes(queues)));
    }

    @Override
    public void loadCaches() {
        queues.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "queues", queues::reloadCache);
        // lossless: a lost CallEnded would leave an agent on a queue call for ever
        events.subscribe("queues-calls", EventBus.Delivery.LOSSLESS, 1024, live::callEvent);
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        housekeeping.every("queue-tick", Duration.ofSeconds(1), live::tick);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        live.useReachability(number -> !sip.location().lookup(number).isEmpty()
                && !features.callSettings().current(number).values().doNotDisturb());
        callbacks.start(sip.callControl()::originate);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new QueueRoutes(queues, live, callbacks));
    }

    @Override
    public void close() {
        callbacks.close();
        outcomes.close();
    }
}
