package org.switchboard.pbx.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.store.db.Database;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.webhook.Delivery;
import org.switchboard.store.webhook.DeliveryState;
import org.switchboard.store.webhook.JdbiWebhookStore;

/**
 * Deliveries to a real HTTP receiver started by the test, over a real database: signed bodies,
 * a receiver that fails then recovers, the dead letter after the last attempt, a re-send, and a
 * pending retry that a restarted node sends.
 */
class WebhookDispatcherTest {
    private static final String SECRET = "a-very-long-test-secret-1234";
    /** Retries after 300 ms, 600 ms...; three attempts in all. */
    private static final WebhookSettings FAST = new WebhookSettings(3, Duration.ofMillis(300), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofMillis(50), 4);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final byte[] key = DeviceSecretCipher.newKey();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EventBus events = new EventBus();
    private WebhookReceiver receiver;
    private WebhookService service;
    private WebhookDispatcher dispatcher;

    private void startNode(Database database, WebhookSettings settings) {
        startNode(database, settings, Clock.systemUTC());
    }

    private void startNode(Database database, WebhookSettings settings, Clock clock) {
        JdbiWebhookStore store = new JdbiWebhookStore(database);
        service = new WebhookService(store, new DeviceSecretCipher(key), clock, events);
        service.reloadCache();
        dispatcher = new WebhookDispatcher(service, store, settings, clock);
        dispatcher.start(events, scheduler);
    }

    private long subscribe(String... eventNames) {
        return service.create(new WebhookInput(receiver.url("/hook"), Optional.of(SECRET), List.of(eventNames), true),
                "test").webhook().id();
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        events.close();
        scheduler.shutdownNow();
    }

    @BothEngines
    void aCallsEventsArriveSignedWithBothPartiesInEachBody(TestDatabase db) throws IOException {
        receiver = new WebhookReceiver();
        startNode(db.database(), FAST);
        subscribe("call.started", "call.answered", "call.ended");
        Instant at = Instant.parse("2026-12-07T10:00:00Z");

        events.publish(new PbxEvent.CallStarted(at, "c-1", "1001", "1002"));
        events.publish(new PbxEvent.CallAnswered(at.plusSeconds(2), "c-1"));
        events.publish(new PbxEvent.CallEnded(at.plusSeconds(9), "c-1", "ANSWERED", "caller hung up"));
        events.publish(new PbxEvent.RegistrationChanged(at, "1001", 1));

        await().atMost(WAIT).until(() -> receiver.received().size() >= 3);
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).extracting(WebhookReceiver.Received::event)
                .containsExactlyInAnyOrder("call.started", "call.answered", "call.ended");
        for (WebhookReceiver.Received r : got) {
            assertThat(WebhookSignature.verify(SECRET, r.signature(), r.body()))
                    .as("signature %s of %s", r.signature(), r.body()).isTrue();
            assertThat(WebhookSignature.verify("another-secret-entirely", r.signature(), r.body())).isFalse();
            long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
            assertThat(Math.abs(t - r.at().getEpochSecond())).as("t is the sending time").isLessThanOrEqualTo(2);
            assertThat(r.body()).contains("\"caller\":\"1001\"", "\"callee\":\"1002\"", "\"call_id\":\"c-1\"")
                    .startsWith("{\"event\":\"" + r.event() + "\",\"id\":\"");
        }
        String ended = got.stream().filter(r -> r.event().equals("call.ended")).findFirst().orElseThrow().body();
        assertThat(ended).contains("\"at\":\"2026-12-07T10:00:09Z\"", "\"disposition\":\"ANSWERED\"",
                "\"hangup_cause\":\"caller hung up\"");
    }

    @BothEngines
    void aReceiverThatFailsThenRecoversGetsTheEventOnARetryAndTheLogShowsEachStatus(TestDatabase db) throws IOException {
        receiver = new WebhookReceiver();
        receiver.answer(500);
        startNode(db.database(), FAST);
        long id = subscribe("registration.changed");

        events.publish(new PbxEvent.RegistrationChanged(Instant.now(), "1001", 2));

        await().atMost(WAIT).until(() -> service.deliveries(id, 10).getFirst().state() == DeliveryState.DELIVERED);
        List<Delivery> log = service.deliveries(id, 10);
        assertThat(log).extracting(Delivery::attempt).containsExactly(2, 1);
        assertThat(log.get(1).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(log.get(1).statusCode()).hasValue(500);
        assertThat(log.get(1).error()).contains("HTTP 500");
        assertThat(log.get(0).statusCode()).hasValue(200);
        assertThat(log.get(0).eventId()).isEqualTo(log.get(1).eventId());
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(got.get(0).body()).as("the retry sends the same event").isEqualTo(got.get(1).body());
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).as("the back-off was waited")
                .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(got.get(0).body()).contains("\"extension\":\"1001\"", "\"bindings\":2", "\"registered\":true");
    }

    @BothEngines
    void theLastFailedAttemptIsDeadAndAResendDeliversIt(TestDatabase db) throws IOException {
        receiver = new WebhookReceiver();
        receiver.otherwise(503);
        startNode(db.database(), FAST);
        long id = subscribe("voicemail.left");

        events.publish(new PbxEvent.VoicemailLeft(Instant.now(), "1002", 7, "1001", "Desk", Duration.ofSeconds(12)));

        await().atMost(WAIT).until(() -> service.deliveries(id, 10).getFirst().state() == DeliveryState.DEAD);
        List<Delivery> log = service.deliveries(id, 10);
        assertThat(log).extracting(Delivery::attempt).containsExactly(3, 2, 1);
        assertThat(log).extracting(Delivery::state)
                .containsExactly(DeliveryState.DEAD, DeliveryState.FAILED, DeliveryState.FAILED);
        assertThat(log).allSatisfy(d -> assertThat(d.statusCode()).hasValue(503));
        assertThat(receiver.received()).as("no attempt after the dead one").hasSize(3);
        assertThat(receiver.received().getFirst().body()).contains("\"box\":\"1002\"", "\"message_id\":7",
                "\"caller_number\":\"1001\"", "\"duration_seconds\":12");

        receiver.otherwise(204);
        service.resend(id, log.getLast().id(), "test");

        await().atMost(WAIT).until(() -> service.deliveries(id, 10).getFirst().state() == DeliveryState.DELIVERED);
        assertThat(service.deliveries(id, 10).getFirst().attempt()).isEqualTo(4);
        assertThat(service.deliveries(id, 10).getFirst().statusCode()).hasValue(204);
    }

    @BothEngines
    void aRetryPendingWhenTheNodeStopsIsSentAfterTheRestart(TestDatabase db) throws IOException {
        receiver = new WebhookReceiver();
        receiver.answer(500);
        // The first node waits a minute before its retry and stops long before.
        startNode(db.database(), new WebhookSettings(3, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofMillis(50), 4));
        long id = subscribe("call.started");
        events.publish(new PbxEvent.CallStarted(Instant.now(), "c-2", "1001", "1002"));
        await().atMost(WAIT).until(() -> service.deliveries(id, 10).size() == 2);
        dispatcher.close();
        assertThat(service.deliveries(id, 10).getFirst().state()).isEqualTo(DeliveryState.PENDING);

        // The node comes back after the retry's time (its clock two minutes on) and finds it due.
        startNode(db.restart(), FAST, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));

        await().atMost(WAIT).until(() -> service.deliveries(id, 10).getFirst().state() == DeliveryState.DELIVERED);
        assertThat(service.deliveries(id, 10)).extracting(Delivery::attempt).containsExactly(2, 1);
        assertThat(receiver.received()).hasSize(2);
    }

    @BothEngines
    void eachEventIsSavedBeforeItIsSentAndOneHostGetsAtMostItsShareAtOnce(TestDatabase db) throws IOException {
        receiver = new WebhookReceiver();
        receiver.hold();
        startNode(db.database(), new WebhookSettings(3, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(50), 2));
        long id = subscribe("registration.changed");

        for (int i = 0; i < 6; i++) {
            events.publish(new PbxEvent.RegistrationChanged(Instant.now(), "10" + i, 1));
        }

        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        await("all six saved while the first two are on the wire").atMost(WAIT)
                .until(() -> service.deliveries(id, 10).size() == 6);
        assertThat(service.deliveries(id, 10)).allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.PENDING));
        assertThat(receiver.received()).as("the host's share is on the wire, no more").hasSize(2);
        receiver.release();
        await().atMost(WAIT).until(() -> service.deliveries(id, 10).stream()
                .allMatch(d -> d.state() == DeliveryState.DELIVERED));
        assertThat(receiver.received()).hasSize(6);
        assertThat(receiver.maxInFlight()).as("requests waiting at the one host at once").isEqualTo(2);
    }

    @BothEngines
    void aSubscriptionGetsOnlyTheEventsItsFilterNames(TestDatabase db) throws IOException {
        receiver = new WebhookReceiver();
        startNode(db.database(), FAST);
        long calls = subscribe("call.ended");
        long disabled = service.create(new WebhookInput(receiver.url("/off"), Optional.of(SECRET), List.of("call.ended"),
                false), "test").webhook().id();

        events.publish(new PbxEvent.RegistrationChanged(Instant.now(), "1001", 0));
        events.publish(new PbxEvent.CallEnded(Instant.now(), "c-3", "NO ANSWER", "timeout"));

        await().atMost(WAIT).until(() -> receiver.received().size() >= 1);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hook");
        assertThat(service.deliveries(calls, 10)).extracting(Delivery::event).containsExactly("call.ended");
        assertThat(service.deliveries(disabled, 10)).as("a disabled subscription queues nothing").isEmpty();
    }
}
