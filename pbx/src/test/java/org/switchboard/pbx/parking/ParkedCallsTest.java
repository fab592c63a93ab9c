package org.switchboard.pbx.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.testkit.TestClock;

class ParkedCallsTest {
    private static final NewParkLot LOT = new NewParkLot("700", 701, 703, 45, "default", Optional.empty());
    private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final ParkedCalls slots = new ParkedCalls(clock);
    private final List<Runnable> posted = new ArrayList<>();
    private final Executor callExecutor = posted::add;

    private ParkedCaller caller() {
        return new ParkedCaller(LOT, slots, Prompts.SYSTEM, name -> Optional.empty(), Optional.of("1002"), callExecutor);
    }

    @Test
    void callsTakeTheFirstFreeSlotsAndAFullLotSaysSo() {
        assertThat(slots.park(LOT, caller(), "1001", "Alice", "1002")).isEqualTo(OptionalInt.of(701));
        ParkedCaller second = caller();
        assertThat(slots.park(LOT, second, "1003", "", "1002")).isEqualTo(OptionalInt.of(702));
        assertThat(slots.park(LOT, caller(), "1004", "", "1004")).isEqualTo(OptionalInt.of(703));
        assertThat(slots.park(LOT, caller(), "1005", "", "1002")).as("every slot taken").isEmpty();

        slots.remove(second);

        assertThat(slots.park(LOT, caller(), "1005", "", "1002")).as("the freed slot again").isEqualTo(OptionalInt.of(702));
        assertThat(slots.list()).extracting(ParkedCalls.Parked::caller).containsExactly("1001", "1005", "1004");
        assertThat(slots.list().getFirst()).isEqualTo(new ParkedCalls.Parked(701, "1001", "Alice", "1002", T0));
    }

    @Test
    void aRetrieverTakesTheCallOutOfItsSlotOnce() {
        ParkedCaller parked = caller();
        slots.park(LOT, parked, "1001", "", "1002");

        assertThat(slots.take(701)).contains(parked);
        assertThat(slots.take(701)).as("a second retriever finds the slot empty").isEmpty();
        assertThat(slots.isTaken(701)).isFalse();
        assertThat(slots.list()).isEmpty();
    }

    @Test
    void theTimeoutFreesOnlyTheSlotsWhoseTimeIsUpAndPostsToTheirCalls() {
        slots.park(LOT, caller(), "1001", "", "1002");
        clock.advance(Duration.ofSeconds(30));
        slots.park(LOT, caller(), "1003", "", "1002");

        clock.advance(Duration.ofSeconds(14));
        slots.expire();
        assertThat(posted).as("nothing is due yet").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        slots.expire();

        assertThat(posted).as("one ring-back posted to the parked call's executor").hasSize(1);
        assertThat(slots.list()).extracting(ParkedCalls.Parked::caller).containsExactly("1003");
        assertThat(slots.take(701)).as("a timed-out call cannot be retrieved").isEmpty();
    }
}
