package org.switchboard.pbx.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;

class NamedRecordsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A stored record: its key and one setting. */
    private record Room(String name, int size) {}

    private final Map<String, Room> table = new ConcurrentHashMap<>();
    private final AtomicInteger alongside = new AtomicInteger();
    private final EventBus events = new EventBus();
    private final BlockingQueue<PbxEvent> published = new LinkedBlockingQueue<>();
    private final NamedRecords<Room> rooms = new NamedRecords<>("room", "conference_room", Room::name,
            () -> List.copyOf(table.values()), alongside::incrementAndGet, Clock.fixed(T0, ZoneOffset.UTC), events);

    NamedRecordsTest() {
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 16, published::add);
    }

    @AfterEach
    void closeBus() {
        events.close();
    }

    @Test
    void readsComeFromMemoryUntilAReload() {
        table.put("b", new Room("b", 2));
        table.put("a", new Room("a", 1));
        assertThat(rooms.list()).as("nothing loaded yet").isEmpty();

        rooms.reload();
        table.remove("a");

        assertThat(rooms.list()).extracting(Room::name).containsExactly("a", "b");
        assertThat(rooms.keys()).containsExactly("a", "b");
        assertThat(rooms.find("a")).contains(new Room("a", 1));
        assertThat(rooms.get("b")).isEqualTo(new Room("b", 2));
        assertThat(alongside).as("the other state is read with the records").hasValue(1);
    }

    @Test
    void aMissingRecordIsNotFoundUnderTheLabel() {
        assertThat(rooms.find("nope")).isEmpty();
        assertThatThrownBy(() -> rooms.get("nope")).isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("entity", "room").hasFieldOrPropertyWithValue("key", "nope");
    }

    @Test
    void aChangeWritesReloadsAndIsPublishedInOrder() throws InterruptedException {
        Room created = rooms.change("a", Change.CREATED, "admin", () -> {
            table.put("a", new Room("a", 1));
            return table.get("a");
        });
        rooms.change("a", Change.UPDATED, "admin", () -> table.put("a", new Room("a", 5)));
        assertThat(created).isEqualTo(new Room("a", 1));
        assertThat(rooms.get("a").size()).as("reloaded after the change").isEqualTo(5);

        rooms.remove("a", "admin", () -> table.remove("a"));

        assertThat(rooms.find("a")).isEmpty();
        assertThat(alongside).hasValue(3);
        for (Change change : List.of(Change.CREATED, Change.UPDATED, Change.DELETED)) {
            assertThat(published.poll(10, TimeUnit.SECONDS)).isEqualTo(new ConfigChanged(T0, "conference_room", "a", change));
        }
    }

    @Test
    void aRefusedChangeLeavesMemoryAndEventsAlone() throws InterruptedException {
        table.put("a", new Room("a", 1));
        rooms.reload();
        table.put("b", new Room("b", 2));

        assertThatThrownBy(() -> rooms.change("a", Change.UPDATED, "admin", () -> {
            throw new ConflictException("name", "taken");
        })).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rooms.remove("c", "admin", () -> rooms.get("c"))).isInstanceOf(NotFoundException.class);

        assertThat(rooms.keys()).as("no reload after a refusal").containsExactly("a");
        assertThat(alongside).hasValue(1);
        assertThat(published.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void changesAndLockedWorkRunOneAtATime() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> rooms.locked(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        inside.await();
        Thread writer = Thread.ofVirtual().start(() -> rooms.change("a", Change.CREATED, "admin",
                () -> table.put("a", new Room("a", 1))));

        writer.join(200);
        assertThat(writer.isAlive()).as("the change waits for the locked work").isTrue();
        assertThat(table).isEmpty();
        release.countDown();
        writer.join(10_000);
        holder.join(10_000);
        assertThat(rooms.keys()).containsExactly("a");
    }
}
