package org.switchboard.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiWebhookStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(10);
    private static final String BODY = "{\"event\":\"call.ended\",\"id\":\"e-1\",\"at\":\"2026-03-04T05:06:07Z\",\"data\":{}}";

    static NewWebhook crm(String url) {
        return new NewWebhook(url, "v1:sealed", List.of("call.ended", "queue.*"), true);
    }

    private static Outcome failed(int status, Instant retryAt) {
        return new Outcome(DeliveryState.FAILED, OptionalInt.of(status), Optional.of("HTTP " + status), T1,
                Optional.of(retryAt));
    }

    @BothEngines
    void aSubscriptionIsSavedAndLoadedWithEveryValue(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());

        Webhook saved = store.create(crm("https://crm.example/hooks?x=1"), T0);

        assertThat(store.find(saved.id())).contains(saved);
        assertThat(saved.values()).isEqualTo(crm("https://crm.example/hooks?x=1"));
        assertThat(saved.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void subscriptionsAndDeliveriesSurviveARestart(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        Webhook a = store.create(crm("https://a.example/"), T0);
        Webhook b = store.create(crm("https://b.example/"), T0);
        Webhook gone = store.create(crm("https://gone.example/"), T0);
        NewWebhook changed = new NewWebhook("http://a.example:8080/in", "v1:other", List.of("voicemail.left"), false);
        store.update(a.id(), changed, T1);
        store.delete(gone.id());
        List<Delivery> queued = store.enqueue(List.of(b.id()), "e-1", "call.ended", BODY, T0);
        assertThat(store.claim(queued.getFirst().id(), T0, T0.plusSeconds(60))).isTrue();
        store.settle(queued.getFirst().id(), failed(500, T1), T1);

        JdbiWebhookStore after = new JdbiWebhookStore(db.restart());

        assertThat(after.list()).extracting(Webhook::id).containsExactly(a.id(), b.id());
        assertThat(after.find(a.id()).orElseThrow().values()).isEqualTo(changed);
        assertThat(after.find(a.id()).orElseThrow().updatedAt()).isEqualTo(T1);
        List<Delivery> log = after.deliveries(b.id(), 10);
        assertThat(log).extracting(Delivery::attempt, Delivery::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, DeliveryState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(1, DeliveryState.FAILED));
        assertThat(log.get(1).statusCode()).hasValue(500);
        assertThat(log.get(1).error()).contains("HTTP 500");
        assertThat(log.getFirst().body()).isEqualTo(BODY);
        assertThat(after.due(T1, 10)).as("the retry is due after the restart").extracting(Delivery::id)
                .containsExactly(log.getFirst().id());
    }

    @BothEngines
    void onlyDuePendingAttemptsOfEnabledSubscriptionsAreDue(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        Webhook on = store.create(crm("https://on.example/"), T0);
        Webhook off = store.create(new NewWebhook("https://off.example/", "v1:s", List.of("call.ended"), false), T0);
        store.enqueue(List.of(on.id(), off.id()), "e-1", "call.ended", BODY, T1);

        assertThat(store.due(T0, 10)).as("not yet due").isEmpty();
        assertThat(store.due(T1, 10)).extracting(Delivery::webhookId).containsExactly(on.id());
    }

    @BothEngines
    void anAttemptIsClaimedOnceAndIsDueAgainWhenTheLeaseEnds(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        Webhook on = store.create(crm("https://on.example/"), T0);
        long id = store.enqueue(List.of(on.id()), "e-1", "call.ended", BODY, T0).getFirst().id();

        assertThat(store.claim(id, T0, T0.plusSeconds(60))).isTrue();
        assertThat(store.claim(id, T0, T0.plusSeconds(60))).as("a second node finds it taken").isFalse();
        assertThat(store.due(T0.plusSeconds(30), 10)).isEmpty();
        assertThat(store.due(T0.plusSeconds(60), 10)).as("the sender died: due again").hasSize(1);
    }

    @BothEngines
    void deliveredAndDeadAttemptsHaveNoRetryAndAResendAddsOneMoreAttempt(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        Webhook on = store.create(crm("https://on.example/"), T0);
        long id = store.enqueue(List.of(on.id()), "e-1", "call.ended", BODY, T0).getFirst().id();
        store.claim(id, T0, T1);
        Delivery dead = store.settle(id, new Outcome(DeliveryState.DEAD, OptionalInt.empty(),
                Optional.of("connection refused"), T0, Optional.empty()), T0);
        assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.nextAttemptAt()).isEmpty();
        assertThat(store.due(T1.plusSeconds(3600), 10)).isEmpty();

        Delivery again = store.resend(on.id(), id, T1);

        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.eventId()).isEqualTo("e-1");
        assertThatThrownBy(() -> store.resend(on.id(), id, T1)).as("while one is pending")
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "delivery");
        assertThatThrownBy(() -> store.resend(on.id() + 99, id, T1)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void deletingASubscriptionDeletesItsLog(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        Webhook on = store.create(crm("https://on.example/"), T0);
        long id = store.enqueue(List.of(on.id()), "e-1", "call.ended", BODY, T0).getFirst().id();

        store.delete(on.id());

        assertThat(store.delivery(on.id(), id)).isEmpty();
        assertThat(store.due(T1, 10)).isEmpty();
        assertThatThrownBy(() -> store.delete(on.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.update(on.id(), crm("https://x.example/"), T1)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void settledAttemptsArePurgedPendingOnesKept(TestDatabase db) {
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        Webhook on = store.create(crm("https://on.example/"), T0);
        long id = store.enqueue(List.of(on.id()), "e-1", "call.ended", BODY, T0).getFirst().id();
        store.claim(id, T0, T1);
        store.settle(id, failed(503, T1), T0);

        assertThat(store.purgeSettled(T1)).isEqualTo(1);
        assertThat(store.deliveries(on.id(), 10)).extracting(Delivery::state).containsExactly(DeliveryState.PENDING);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> crm("ftp://x.example/")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "url");
        assertThatThrownBy(() -> crm("/relative")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "url");
        assertThatThrownBy(() -> new NewWebhook("https://x.example/", "v1:s", List.of(), true))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "events");
        assertThatThrownBy(() -> new NewWebhook("https://x.example/", "v1:s", List.of("call ended"), true))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "events");
    }
}
