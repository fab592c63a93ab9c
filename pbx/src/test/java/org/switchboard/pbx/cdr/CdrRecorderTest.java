package org.switchboard.pbx.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.CdrStatus;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class CdrRecorderTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(T0);

    static CallRecord call(int i) {
        Instant start = T0.plusSeconds(i);
        return new CallRecord("call-" + i, "1001", "1002", start, start.plusSeconds(2), start.plusSeconds(30),
                Disposition.ANSWERED, "BYE from caller", "PCMU", "127.0.0.1:5060", "127.0.0.1:5070", null);
    }

    @BothEngines
    void everyRecordedCallIsWrittenByCloseAndSurvivesARestart(TestDatabase db) {
        // A delay far longer than the test: only close() can have written these.
        BatchWriter.Settings slow = new BatchWriter.Settings(10_000, 500, Duration.ofHours(1), Duration.ofMillis(10),
                Duration.ofMillis(100), Duration.ofSeconds(10), BatchWriter.Overflow.WAIT);
        CdrRecorder recorder = new CdrRecorder(db.database(), new JdbiCdrStore(db.database(), CLOCK), slow, new SimpleMeterRegistry());
        for (int i = 0; i < 25; i++) {
            recorder.record(call(i));
        }

        recorder.close();

        JdbiCdrStore reopened = new JdbiCdrStore(db.restart(), CLOCK);
        assertThat(reopened.page(CdrFilter.ALL, 100, 0).total()).isEqualTo(25);
        assertThat(reopened.findByCallId("call-24")).isPresent();
    }

    @BothEngines
    void aFullQueueLosesNoCall(TestDatabase db) {
        BatchWriter.Settings tiny = new BatchWriter.Settings(2, 1, Duration.ofMillis(1), Duration.ofMillis(10),
                Duration.ofMillis(100), Duration.ofSeconds(30), BatchWriter.Overflow.WAIT);
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        CdrRecorder recorder = new CdrRecorder(db.database(), store, tiny, new SimpleMeterRegistry());
        for (int i = 0; i < 40; i++) {
            recorder.record(call(i));
        }

        recorder.close();

        assertThat(store.page(CdrFilter.ALL, 100, 0).total()).isEqualTo(40);
        assertThat(recorder.stats().written()).isEqualTo(40);
    }

    @Test
    void recordingAfterCloseIsRefused() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            CdrRecorder recorder = new CdrRecorder(db.database(), new JdbiCdrStore(db.database(), CLOCK),
                    BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), new SimpleMeterRegistry());
            recorder.close();
            assertThatThrownBy(() -> recorder.record(call(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aDroppingWriterIsRefusedBecauseCdrsAreNeverDropped() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            assertThatThrownBy(() -> new CdrRecorder(db.database(), new JdbiCdrStore(db.database(), CLOCK),
                    BatchWriter.Settings.defaults(BatchWriter.Overflow.DROP_OLDEST), new SimpleMeterRegistry()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void queueMetricsAreRegisteredWithTheCdrType() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            CdrRecorder recorder = new CdrRecorder(db.database(), new JdbiCdrStore(db.database(), CLOCK),
                    BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), registry);
            recorder.record(call(1));
            recorder.close();
            assertThat(registry.get("switchboard.write_behind.written").tag("name", "cdr").functionCounter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("switchboard.write_behind.queued").tag("name", "cdr").gauge().value()).isZero();
        }
    }

    @BothEngines
    void anAnsweredCallHasAnOpenRowUntilItEndsAndALateHeartbeatCannotReopenIt(TestDatabase db) {
        BatchWriter.Settings quick = new BatchWriter.Settings(100, 10, Duration.ofMillis(1), Duration.ofMillis(10),
                Duration.ofMillis(100), Duration.ofSeconds(10), BatchWriter.Overflow.WAIT);
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        CallRecord ended = call(1);
        CallRecord atAnswer = new CallRecord(ended.callId(), ended.caller(), ended.callee(), ended.startedAt(),
                ended.answeredAt(), ended.answeredAt(), Disposition.ANSWERED, CdrRecorder.IN_PROGRESS, "PCMU", null, null, null);
        try (CdrRecorder recorder = new CdrRecorder(db.database(), store, quick, new SimpleMeterRegistry())) {
            recorder.answered(atAnswer);
            await().atMost(Duration.ofSeconds(10)).until(() -> store.findByCallId("call-1").isPresent());
            assertThat(store.findByCallId("call-1").orElseThrow().status()).isEqualTo(CdrStatus.OPEN);

            recorder.heartbeat(ended.answeredAt().plusSeconds(10));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.findByCallId("call-1").orElseThrow().endedAt().equals(ended.answeredAt().plusSeconds(10)));

            recorder.record(ended);
            recorder.heartbeat(ended.endedAt().plusSeconds(60));
        }

        assertThat(store.findByCallId("call-1").orElseThrow())
                .extracting(Cdr::status, Cdr::endedAt, Cdr::hangupCause)
                .containsExactly(CdrStatus.COMPLETE, ended.endedAt(), "BYE from caller");
    }

    @BothEngines
    void callsLeftOpenByAStoppedServerAreClosedAsInterrupted(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        CallRecord ended = call(2);
        CallRecord atAnswer = new CallRecord(ended.callId(), ended.caller(), ended.callee(), ended.startedAt(),
                ended.answeredAt(), ended.answeredAt(), Disposition.ANSWERED, CdrRecorder.IN_PROGRESS, "PCMU", null, null, null);
        // The first server answers the call and stops without ending it (its queue is flushed: what a crash after the write leaves).
        try (CdrRecorder crashed = new CdrRecorder(db.database(), store, BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT),
                new SimpleMeterRegistry())) {
            crashed.answered(atAnswer);
        }

        try (CdrRecorder restarted = new CdrRecorder(db.restart(), new JdbiCdrStore(db.database(), CLOCK),
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), new SimpleMeterRegistry())) {
            assertThat(restarted.closeInterrupted(ended.answeredAt())).isEqualTo(1);
        }

        assertThat(new JdbiCdrStore(db.database(), CLOCK).findByCallId("call-2").orElseThrow())
                .extracting(Cdr::status, Cdr::endedAt, Cdr::hangupCause)
                .containsExactly(CdrStatus.INTERRUPTED, ended.answeredAt(), CdrRecorder.INTERRUPTED);
    }
}
