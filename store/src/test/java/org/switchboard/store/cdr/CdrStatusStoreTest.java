package org.switchboard.store.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.switchboard.store.db.Database;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Open, complete and interrupted CDR rows (crash-safe CDRs, migration V050) on both engines. */
class CdrStatusStoreTest {
    private static final Instant ANSWER = Instant.parse("2026-03-01T09:00:05Z");
    private static final InstantSource CLOCK = InstantSource.fixed(ANSWER.plusSeconds(3600));

    /** An answered call as known at its answer: ends (for now) at the answer. */
    private static CallRecord up(String callId) {
        return new CallRecord(callId, "1001", "1002", ANSWER.minusSeconds(5), ANSWER, ANSWER, Disposition.ANSWERED,
                "in progress", "PCMU", "127.0.0.1:5061", "127.0.0.1:5062", "1001");
    }

    private static void write(Database database, CdrEntry... entries) {
        database.execute(h -> new JdbiCdrStore(database, CLOCK).entrySink().write(h, List.of(entries)));
    }

    @BothEngines
    void anAnsweredCallIsAnOpenRowThatItsEndCompletes(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        write(db.database(), CdrEntry.open(up("c1")));

        Cdr open = store.findByCallId("c1").orElseThrow();
        assertThat(open.status()).isEqualTo(CdrStatus.OPEN);
        assertThat(open.endedAt()).isEqualTo(ANSWER);
        assertThat(open.hangupCause()).isEqualTo("in progress");

        write(db.database(), CdrEntry.open(up("c1").upAt(ANSWER.plusSeconds(10))));
        assertThat(store.findByCallId("c1").orElseThrow().endedAt()).as("a heartbeat moves the end").isEqualTo(ANSWER.plusSeconds(10));

        CallRecord ended = new CallRecord("c1", "1001", "1002", ANSWER.minusSeconds(5), ANSWER, ANSWER.plusSeconds(42),
                Disposition.ANSWERED, "BYE from caller", "PCMU", "127.0.0.1:5061", "127.0.0.1:5062", "1001");
        write(db.database(), CdrEntry.complete(ended));

        Cdr complete = new JdbiCdrStore(db.restart(), CLOCK).findByCallId("c1").orElseThrow();
        assertThat(complete).extracting(Cdr::status, Cdr::endedAt, Cdr::hangupCause, Cdr::billableSeconds, Cdr::durationSeconds)
                .containsExactly(CdrStatus.COMPLETE, ANSWER.plusSeconds(42), "BYE from caller", 42L, 47L);
    }

    @BothEngines
    void aHeartbeatThatArrivesAfterTheEndDoesNotReopenTheRow(TestDatabase db) {
        CallRecord ended = new CallRecord("c2", "1001", "1002", ANSWER.minusSeconds(5), ANSWER, ANSWER.plusSeconds(3),
                Disposition.ANSWERED, "BYE from callee", "PCMU", null, null, null);
        write(db.database(), CdrEntry.complete(ended));

        write(db.database(), CdrEntry.open(up("c2").upAt(ANSWER.plusSeconds(10))));

        Cdr row = new JdbiCdrStore(db.database(), CLOCK).findByCallId("c2").orElseThrow();
        assertThat(row.status()).isEqualTo(CdrStatus.COMPLETE);
        assertThat(row.endedAt()).isEqualTo(ANSWER.plusSeconds(3));
    }

    @BothEngines
    void openRowsWhoseHeartbeatStoppedAreClosedAsInterruptedKeepingTheLastKnownTime(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        write(db.database(), CdrEntry.open(up("stale").upAt(ANSWER.plusSeconds(20))),
                CdrEntry.open(up("live").upAt(ANSWER.plusSeconds(90))));

        int closed = store.closeInterrupted(ANSWER.plusSeconds(60), "interrupted: the server stopped with the call up");

        assertThat(closed).isEqualTo(1);
        JdbiCdrStore reopened = new JdbiCdrStore(db.restart(), CLOCK);
        assertThat(reopened.findByCallId("stale").orElseThrow())
                .extracting(Cdr::status, Cdr::endedAt, Cdr::hangupCause, Cdr::billableSeconds)
                .containsExactly(CdrStatus.INTERRUPTED, ANSWER.plusSeconds(20), "interrupted: the server stopped with the call up", 20L);
        assertThat(reopened.findByCallId("live").orElseThrow().status()).isEqualTo(CdrStatus.OPEN);
        assertThat(reopened.closeInterrupted(ANSWER.plusSeconds(60), "x")).as("closing again finds nothing").isZero();
    }
}
