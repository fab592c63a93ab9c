package org.switchboard.pbx.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void everySubscriberReceivesEveryEventInOrder() {
        try (EventBus bus = new EventBus()) {
            List<PbxEvent> first = new CopyOnWriteArrayList<>();
            List<PbxEvent> second = new CopyOnWriteArrayList<>();
            bus.subscribe("first", EventBus.Delivery.LOSSLESS, 16, first::add);
            bus.subscribe("second", EventBus.Delivery.DROP_OLDEST, 16, second::add);
            List<PbxEvent> published = List.of(started("a"), new PbxEvent.CallAnswered(NOW, "a"),
                    new PbxEvent.CallEnded(NOW, "a", "ANSWERED", "BYE from caller"));
            published.forEach(bus::publish);
            await().atMost(5, TimeUnit.SECONDS).until(() -> first.size() == 3 && second.size() == 3);
            assertThat(first).containsExactlyElementsOf(published);
            assertThat(second).containsExactlyElementsOf(published);
        }
    }

    @Test
    void aSlowLossySubscriberDropsItsOldestEventsWithoutSlowingThePublisher() throws Exception {
        try (EventBus bus = new EventBus()) {
            CountDownLatch release = new CountDownLatch(1);
            List<PbxEvent> seen = new CopyOnWriteArrayList<>();
            Subscription slow = bus.subscribe("slow", EventBus.Delivery.DROP_OLDEST, 2, event -> {
                awaitQuietly(release);
                seen.add(event);
            });
            for (int i = 0; i < 10; i++) {
                bus.publish(started("call-" + i));
            }
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains(started("call-9")));
            assertThat(slow.dropped()).as("events dropped by a full lossy queue").isPositive();
            assertThat(seen.size() + slow.dropped()).isEqualTo(10);
        }
    }

    @Test
    void aLosslessSubscriberGetsEveryEventEvenWhenItFallsBehind() {
        try (EventBus bus = new EventBus()) {
            CountDownLatch release = new CountDownLatch(1);
            List<PbxEvent> seen = new CopyOnWriteArrayList<>();
            bus.subscribe("careful", EventBus.Delivery.LOSSLESS, 2, event -> {
                awaitQuietly(release);
                seen.add(event);
            });
            for (int i = 0; i < 20; i++) {
                bus.publish(started("call-" + i));
            }
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> seen.size() == 20);
            assertThat(seen).doesNotHaveDuplicates();
        }
    }

    @Test
    void aFailingHandlerKeepsReceivingAndAClosedSubscriptionReceivesNothing() {
        try (EventBus bus = new EventBus()) {
            List<PbxEvent> seen = new CopyOnWriteArrayList<>();
            Subscription flaky = bus.subscribe("flaky", EventBus.Delivery.LOSSLESS, 8, event -> {
                seen.add(event);
                throw new IllegalStateException("handler bug");
            });
            bus.publish(started("a"));
            bus.publish(started("b"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> seen.size() == 2);
            flaky.close();
            List<PbxEvent> witness = new CopyOnWriteArrayList<>();
            bus.subscribe("witness", EventBus.Delivery.LOSSLESS, 8, witness::add);
            assertThat(bus.subscriberCount()).isEqualTo(1);
            bus.publish(started("c"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> witness.size() == 1);
            assertThat(seen).as("events after close").hasSize(2);
        }
    }

    private static PbxEvent started(String callId) {
        return new PbxEvent.CallStarted(NOW, callId, "1001", "1002");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
