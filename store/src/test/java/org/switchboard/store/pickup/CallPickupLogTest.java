package org.switchboard.store.pickup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class CallPickupLogTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");

    @BothEngines
    void pickupsAreWrittenOnceAndReadLatestFirstAfterARestart(TestDatabase db) {
        CallPickup first = new CallPickup("call-1@pbx", "1002", "1003", CallPickup.DIRECTED, T0);
        CallPickup second = new CallPickup("call-2@pbx", "1005", "1004", CallPickup.GROUP, T0.plusSeconds(30));
        db.database().write(h -> {
            CallPickupLog.write(h, List.of(first, second));
            return null;
        });
        db.database().write(h -> {
            CallPickupLog.write(h, List.of(first)); // a batch written again after a failure
            return null;
        });

        CallPickupLog after = new CallPickupLog(db.restart());

        assertThat(after.latest(10)).containsExactly(second, first);
        assertThat(after.latest(1)).containsExactly(second);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new CallPickup("c", "1002", "1003", "stolen", T0))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "how");
        assertThatThrownBy(() -> new CallPickup("", "1002", "1003", CallPickup.GROUP, T0))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "call_id");
    }
}
