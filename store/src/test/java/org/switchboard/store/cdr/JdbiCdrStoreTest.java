package org.switchboard.store.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiCdrStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(T0.plusSeconds(86_400));

    static CallRecord answered(String callId, String caller, String callee, Instant start) {
        return new CallRecord(callId, caller, callee, start, start.plusMillis(4_200), start.plusMillis(65_100),
                Disposition.ANSWERED, "BYE from callee", "PCMA", "127.0.0.1:5061", "127.0.0.1:5062", null);
    }

    static CallRecord unanswered(String callId, String caller, String callee, Instant start, Disposition d) {
        return new CallRecord(callId, caller, callee, start, null, start.plusSeconds(20), d, "486 Busy Here",
                null, "127.0.0.1:5061", null, null);
    }

    private static void write(Database database, List<CallRecord> records) {
        database.execute(h -> new JdbiCdrStore(database, CLOCK).batchSink().write(h, records));
    }

    @BothEngines
    void writtenRecordLoadsWithEveryFieldAndDerivedDurations(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        write(db.database(), List.of(answered("a@host", "1001", "1002", T0)));

        Cdr cdr = store.findByCallId("a@host").orElseThrow();

        assertThat(cdr).extracting(Cdr::callId, Cdr::caller, Cdr::callee, Cdr::startedAt, Cdr::answeredAt, Cdr::endedAt,
                        Cdr::durationSeconds, Cdr::billableSeconds, Cdr::disposition, Cdr::hangupCause, Cdr::codec,
                        Cdr::callerAddress, Cdr::calleeAddress)
                .containsExactly("a@host", "1001", "1002", T0, T0.plusMillis(4_200), T0.plusMillis(65_100),
                        66L, 61L, Disposition.ANSWERED, "BYE from callee", "PCMA", "127.0.0.1:5061", "127.0.0.1:5062");
        assertThat(store.findByCallId("other")).isEmpty();
    }

    @BothEngines
    void theCallersDigestUserNameIsKeptAcrossARestart(TestDatabase db) {
        CallRecord fromDesk = new CallRecord("d@host", "1001", "1002", T0, null, T0.plusSeconds(3), Disposition.FAILED,
                "480 Temporarily Unavailable", null, "127.0.0.1:5061", null, "1001-a1b2c3");
        write(db.database(), List.of(fromDesk, answered("e@host", "1001", "1002", T0)));

        JdbiCdrStore after = new JdbiCdrStore(db.restart(), CLOCK);

        assertThat(after.findByCallId("d@host")).get().extracting(Cdr::callerAuthUser).isEqualTo("1001-a1b2c3");
        assertThat(after.findByCallId("e@host")).get().extracting(Cdr::callerAuthUser).isNull();
    }

    @BothEngines
    void callQualityIsSavedReplacedPerLegAndSurvivesARestart(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        QosMetric caller = new QosMetric("q@host", "caller", "1001", 480, 500, 20, 4.0, 12.5, 1.5, 8.25, 31.5, 4.01, T0);
        QosMetric callee = new QosMetric("q@host", "callee", "1002", 500, 500, 0, 0, 1, null, null, null, 4.4, T0);
        store.saveQuality(List.of(callee, caller));
        store.saveQuality(List.of(new QosMetric("other@host", "caller", "1003", 1, 1, 0, 0, 0, null, null, null, 4.4, T0)));
        QosMetric callerAgain = new QosMetric("q@host", "caller", "1001", 490, 500, 10, 2.0, 10, null, null, 12.0, 4.2,
                T0.plusSeconds(1));
        store.saveQuality(List.of(callerAgain));

        JdbiCdrStore reopened = new JdbiCdrStore(db.restart(), CLOCK);

        assertThat(reopened.quality("q@host")).as("caller first, the second save replacing the first")
                .containsExactly(callerAgain, callee);
        assertThat(reopened.quality("nobody@host")).isEmpty();
    }

    @BothEngines
    void unansweredRecordHasNoAnswerTimeAndNoBillableSeconds(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        write(db.database(), List.of(unanswered("b", "1001", "1002", T0, Disposition.NO_ANSWER)));

        Cdr cdr = store.findByCallId("b").orElseThrow();

        assertThat(cdr.answeredAt()).isNull();
        assertThat(cdr.billableSeconds()).isZero();
        assertThat(cdr.durationSeconds()).isEqualTo(20);
        assertThat(cdr.disposition()).isEqualTo(Disposition.NO_ANSWER);
        assertThat(cdr.codec()).isNull();
    }

    @BothEngines
    void sameCallIdWrittenTwiceIsOneRowWithTheLatestFacts(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        write(db.database(), List.of(unanswered("c", "1001", "1002", T0, Disposition.FAILED)));
        write(db.database(), List.of(answered("c", "1001", "1002", T0)));

        assertThat(store.page(CdrFilter.ALL, 10, 0).total()).isEqualTo(1);
        assertThat(store.findByCallId("c").orElseThrow().disposition()).isEqualTo(Disposition.ANSWERED);
    }

    @BothEngines
    void filtersByExtensionAsCallerOrCalleeDateRangeAndDisposition(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        write(db.database(), List.of(
                answered("1", "1001", "1002", T0),
                unanswered("2", "1002", "1003", T0.plusSeconds(3600), Disposition.BUSY),
                unanswered("3", "1003", "1001", T0.plusSeconds(7200), Disposition.NO_ANSWER),
                answered("4", "1003", "1004", T0.plusSeconds(10_800))));

        assertThat(callIds(store.page(new CdrFilter("1001", null, null, null), 10, 0))).containsExactly("3", "1");
        assertThat(callIds(store.page(new CdrFilter(null, T0.plusSeconds(3600), T0.plusSeconds(10_800), null), 10, 0)))
                .containsExactly("3", "2");
        assertThat(callIds(store.page(new CdrFilter(null, null, null, Disposition.ANSWERED), 10, 0))).containsExactly("4", "1");
        assertThat(callIds(store.page(new CdrFilter("1003", T0.plusSeconds(1), null, Disposition.NO_ANSWER), 10, 0)))
                .containsExactly("3");
    }

    @BothEngines
    void pagesAreNewestFirstWithTheTotalOfAllMatches(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            records.add(answered("p" + i, "1001", "1002", T0.plusSeconds(i * 60L)));
        }
        write(db.database(), records);

        CdrPage second = store.page(CdrFilter.ALL, 3, 3);

        assertThat(second.total()).isEqualTo(7);
        assertThat(callIds(second)).containsExactly("p3", "p2", "p1");
        assertThat(callIds(store.page(CdrFilter.ALL, 3, 6))).containsExactly("p0");
    }

    @BothEngines
    void readingInChunksAfterAPositionVisitsEachMatchOnceEvenWithEqualStartTimes(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(answered("k" + i, "1001", "1002", T0));
        }
        write(db.database(), records);

        List<String> seen = new ArrayList<>();
        Optional<CdrPosition> after = Optional.empty();
        for (List<Cdr> chunk; !(chunk = store.after(CdrFilter.ALL, after, 2)).isEmpty(); ) {
            chunk.forEach(c -> seen.add(c.callId()));
            after = Optional.of(CdrPosition.of(chunk.getLast()));
        }

        assertThat(seen).containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4").doesNotHaveDuplicates();
    }

    @BothEngines
    void recordsWrittenThroughABatchWriterSurviveARestart(TestDatabase db) {
        JdbiCdrStore store = new JdbiCdrStore(db.database(), CLOCK);
        try (BatchWriter<CallRecord> writer = new BatchWriter<>("cdr", db.database(),
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), CallRecord::callId, store.batchSink())) {
            writer.submit(answered("r1", "1001", "1002", T0));
            writer.submit(unanswered("r2", "1002", "1001", T0.plusSeconds(5), Disposition.CANCELLED));
            writer.submit(answered("r3", "1003", "1001", T0.plusSeconds(9)));
        }

        Database reopened = db.restart();

        CdrPage all = new JdbiCdrStore(reopened, CLOCK).page(CdrFilter.ALL, 10, 0);
        assertThat(callIds(all)).containsExactly("r3", "r2", "r1");
        assertThat(all.items().get(1).disposition()).isEqualTo(Disposition.CANCELLED);
    }

    @Test
    void recordRejectsAnAnswerTimeOnAnUnansweredCallNamingTheField() {
        assertThatThrownBy(() -> new CallRecord("x", "1001", "1002", T0, T0.plusSeconds(1), T0.plusSeconds(2),
                Disposition.BUSY, "486", null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("answered_at"));
        assertThatThrownBy(() -> new CallRecord("x", "1001", "1002", T0, null, T0.minusSeconds(1),
                Disposition.FAILED, "503", null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ended_at"));
    }

    @Test
    void durationsRoundUpToWholeSeconds() {
        CallRecord r = new CallRecord("x", "1001", "1002", T0, T0.plusMillis(100), T0.plusMillis(1_300),
                Disposition.ANSWERED, "BYE", null, null, null, null);
        assertThat(r.durationSeconds()).isEqualTo(2);
        assertThat(r.billableSeconds()).isEqualTo(2);
        assertThat(new CallRecord("y", "1", "2", T0, T0, T0, Disposition.ANSWERED, "BYE", null, null, null, null)
                .billableSeconds()).isZero();
    }

    @Test
    void filterRejectsAnEmptyDateRangeNamingTo() {
        assertThatThrownBy(() -> new CdrFilter(null, T0, T0, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void dispositionParsesLabelsAndConstantNames() {
        assertThat(Disposition.parse("no answer")).contains(Disposition.NO_ANSWER);
        assertThat(Disposition.parse("NO_ANSWER")).contains(Disposition.NO_ANSWER);
        assertThat(Disposition.parse("busy")).contains(Disposition.BUSY);
        assertThat(Disposition.parse("ringing")).isEmpty();
    }

    private static List<String> callIds(CdrPage page) {
        return page.items().stream().map(Cdr::callId).toList();
    }
}
