package org.switchboard.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiCallQueueStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    private static NewCallQueue queue(String name, QueueStrategy strategy, List<String> members) {
        return new NewCallQueue(name, strategy, members, 15, 0, 300, 0, Optional.empty(), Optional.empty(), 0,
                Optional.empty(), 20, Map.of(), Optional.empty());
    }

    @BothEngines
    void queuesMembersSettingsAndAgentStatesSurviveARestart(TestDatabase db) {
        for (String number : List.of("2001", "2002", "2003")) {
            extension(db.database(), number);
        }
        JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
        store.create(queue("support", QueueStrategy.RING_ALL, List.of("2001", "2002")), T0);
        store.create(queue("sales", QueueStrategy.LINEAR, List.of("2001")), T0);
        store.create(queue("old", QueueStrategy.RANDOM, List.of("2003")), T0);
        NewCallQueue sales = new NewCallQueue("sales", QueueStrategy.ROUND_ROBIN, List.of("2003", "2001", "2002"), 8, 30, 120,
                5, Optional.of(new QueueAction("voicemail", "2001")), Optional.of("jazz"), 45,
                Optional.of(new VoicemailExit('0', "2002")), 30, Map.of("french", 3, "billing", 1),
                Optional.of(new QueueCallback('1', 4, 90)));
        store.update("sales", sales, T1);
        store.delete("old");
        store.saveAgent("2001", false, false, T0);
        store.saveAgent("2002", true, false, T0);
        store.saveAgent("2002", true, true, T1);
        store.saveAgentSkills("2001", Map.of("french", 5));
        store.saveAgentSkills("2003", Map.of("french", 2, "billing", 9));
        store.saveAgentSkills("2001", Map.of("french", 4, "billing", 2));

        JdbiCallQueueStore after = new JdbiCallQueueStore(db.restart());

        assertThat(after.list()).extracting(CallQueue::name).containsExactly("sales", "support");
        CallQueue stored = after.find("sales").orElseThrow();
        assertThat(stored.values()).isEqualTo(sales);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.updatedAt()).isEqualTo(T1);
        assertThat(after.find("support").orElseThrow().values().members()).containsExactly("2001", "2002");
        assertThat(after.find("old")).isEmpty();
        assertThat(after.agents()).containsExactly(new AgentState("2001", false, false, T0),
                new AgentState("2002", true, true, T1));
        assertThat(after.agentSkills()).isEqualTo(Map.of("2001", Map.of("french", 4, "billing", 2),
                "2003", Map.of("french", 2, "billing", 9)));
    }

    @BothEngines
    void membersAndAgentStatesFollowARenumberedExtensionAndGoWithADeletedOne(TestDatabase db) {
        Extension a = extension(db.database(), "2001");
        Extension b = extension(db.database(), "2002");
        extension(db.database(), "2003");
        JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
        store.create(queue("support", QueueStrategy.LINEAR, List.of("2001", "2002", "2003")), T0);
        store.saveAgent("2001", false, false, T0);
        store.saveAgent("2002", true, true, T0);
        store.saveAgentSkills("2001", Map.of("french", 5));
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());

        extensions.delete(a.id());
        extensions.update(b.id(), new ExtensionUpdate("2009", "B", null, Optional.empty(), Optional.empty(), false, true, null), T1);

        assertThat(store.find("support").orElseThrow().values().members()).containsExactly("2009", "2003");
        assertThat(store.agents()).containsExactly(new AgentState("2009", true, true, T0));
        assertThat(store.agentSkills()).isEmpty();
    }

    @BothEngines
    void queueOutcomesAreWrittenOnceEvenWhenABatchIsWrittenAgainAndSurviveARestart(TestDatabase db) {
        QueueCall answered = new QueueCall("call-1@pbx", "sales", "1001", "answered", Optional.of("2001"), T0, T0.plusSeconds(12));
        QueueCall abandoned = new QueueCall("call-2@pbx", "sales", "1002", "abandoned", Optional.empty(), T0, T1);
        QueueCall elsewhere = new QueueCall("call-3@pbx", "support", "1003", "timeout", Optional.empty(), T0, T1);
        db.database().execute(h -> JdbiCallQueueStore.writeCalls(h, List.of(answered, abandoned, elsewhere)));
        db.database().execute(h -> JdbiCallQueueStore.writeCalls(h, List.of(answered)));

        JdbiCallQueueStore after = new JdbiCallQueueStore(db.restart());

        assertThat(after.calls("sales", 10)).as("the latest first, once each").containsExactly(abandoned, answered);
        assertThat(after.calls("sales", 1)).containsExactly(abandoned);
        assertThat(answered.waited().toSeconds()).isEqualTo(12);
        assertThatThrownBy(() -> new QueueCall("call-4@pbx", "sales", "1004", "answered", Optional.empty(), T0, T1))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "agent");
    }

    @BothEngines
    void aSecondQueueOfTheSameNameIsAConflictAndUnknownQueuesAreNotFound(TestDatabase db) {
        extension(db.database(), "2001");
        JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
        NewCallQueue support = queue("support", QueueStrategy.FEWEST_CALLS, List.of("2001"));
        store.create(support, T0);

        assertThatThrownBy(() -> store.create(support, T1)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.update("nope", support, T1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nope")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badShapesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> queue("Support!", QueueStrategy.LINEAR, List.of("2001")))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> queue("support", QueueStrategy.LINEAR, List.of("2001", "2001")))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "members[1]");
        assertThatThrownBy(() -> new NewCallQueue("support", QueueStrategy.LINEAR, List.of(), 4, 0, 0, 0, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), 20, Map.of(), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "ring_seconds");
        assertThatThrownBy(() -> new NewCallQueue("support", QueueStrategy.LINEAR, List.of(), 5, -1, 0, 0, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), 20, Map.of(), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "wrap_up_seconds");
        assertThatThrownBy(() -> new NewCallQueue("support", QueueStrategy.SKILLS, List.of(), 5, 0, 0, 0, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), 20, Map.of("french", 11), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "skill_requirements.french");
        assertThatThrownBy(() -> new QueueAction("Voice Mail", "2001"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "timeout_action.action");
        assertThatThrownBy(() -> new VoicemailExit('x', "2001"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "voicemail_exit.digit");
        assertThatThrownBy(() -> new QueueCallback('#', 3, 60))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "callback.digit");
        assertThatThrownBy(() -> new QueueCallback('1', 0, 60))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "callback.max_attempts");
        assertThatThrownBy(() -> new NewCallQueue("support", QueueStrategy.LINEAR, List.of(), 5, 0, 0, 0, Optional.empty(),
                Optional.empty(), 0, Optional.of(new VoicemailExit('1', "2001")), 20, Map.of(),
                Optional.of(new QueueCallback('1', 3, 60))))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "callback.digit");
    }

    @BothEngines
    void callbackRequestsKeepTheirPlaceStateAndTriesAcrossARestartAndGoWithTheirQueue(TestDatabase db) {
        JdbiCallQueueStore store = new JdbiCallQueueStore(db.database());
        store.create(queue("sales", QueueStrategy.LINEAR, List.of()), T0);
        store.create(queue("support", QueueStrategy.LINEAR, List.of()), T0);
        CallbackRequest late = store.addCallback("sales", "1002", "call-2@pbx", T0.plusSeconds(5), T1);
        CallbackRequest early = store.addCallback("sales", "+15551234567", "call-1@pbx", T0, T1);
        CallbackRequest done = store.addCallback("sales", "1003", "call-3@pbx", T0.plusSeconds(9), T1);
        CallbackRequest cancelled = store.addCallback("sales", "1004", "call-4@pbx", T0.plusSeconds(10), T1);
        CallbackRequest gone = store.addCallback("support", "1005", "call-5@pbx", T0, T1);
        store.saveCallback(early.id(), CallbackRequest.CALLING, 2, T1.plusSeconds(1));
        store.saveCallback(done.id(), CallbackRequest.DONE, 1, T1.plusSeconds(2));
        store.deleteCallback("sales", cancelled.id());
        store.delete("support");

        JdbiCallQueueStore after = new JdbiCallQueueStore(db.restart());

        assertThat(after.callbacks("sales")).as("first in line first").containsExactly(
                new CallbackRequest(early.id(), "sales", "+15551234567", "call-1@pbx", T0, "calling", 2, T1, T1.plusSeconds(1)),
                late,
                new CallbackRequest(done.id(), "sales", "1003", "call-3@pbx", T0.plusSeconds(9), "done", 1, T1, T1.plusSeconds(2)));
        assertThat(after.pendingCallbacks()).extracting(CallbackRequest::id).containsExactly(early.id(), late.id());
        assertThat(late.state()).isEqualTo("waiting");
        assertThat(after.callbacks("support")).isEmpty();
        assertThat(gone.pending()).isTrue();
        assertThatThrownBy(() -> after.deleteCallback("sales", cancelled.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> after.deleteCallback("support", late.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> after.addCallback("nope", "1001", "call-6@pbx", T0, T1)).isInstanceOf(NotFoundException.class);
    }
}
