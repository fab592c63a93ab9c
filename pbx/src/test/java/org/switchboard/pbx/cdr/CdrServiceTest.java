package org.switchboard.pbx.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class CdrServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private TestDatabase db;
    private JdbiCdrStore store;
    private CdrService service;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        store = new JdbiCdrStore(db.database(), InstantSource.fixed(T0));
        service = new CdrService(store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void write(List<CallRecord> records) {
        db.database().execute(h -> store.batchSink().write(h, records));
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerMatchingCallNewestFirst() throws Exception {
        write(List.of(
                new CallRecord("a", "1001", "1002", T0, T0.plusSeconds(3), T0.plusSeconds(63), Disposition.ANSWERED,
                        "BYE from caller", "PCMA", "127.0.0.1:5060", "127.0.0.1:5070", null),
                new CallRecord("b", "+4930123", "1001", T0.plusSeconds(100), null, T0.plusSeconds(120),
                        Disposition.NO_ANSWER, "480 Temporarily Unavailable", null, "127.0.0.1:5080", null, null),
                new CallRecord("c", "1003", "1004", T0.plusSeconds(200), null, T0.plusSeconds(201),
                        Disposition.BUSY, "486 Busy Here", null, null, null, null)));
        StringBuilder out = new StringBuilder();

        long rows = service.exportCsv(new CdrFilter("1001", null, null, null), out);

        List<CSVRecord> csv = parse(out.toString());
        assertThat(rows).isEqualTo(2);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0).toMap()).containsEntry("call_id", "b").containsEntry("caller", "+4930123")
                .containsEntry("answered_at", "").containsEntry("disposition", "NO ANSWER")
                .containsEntry("billable_seconds", "0").containsEntry("started_at", "2026-03-01T09:01:40Z");
        assertThat(csv.get(1).toMap()).containsEntry("call_id", "a").containsEntry("duration_seconds", "63")
                .containsEntry("billable_seconds", "60").containsEntry("codec", "PCMA")
                .containsEntry("callee_address", "127.0.0.1:5070").containsEntry("status", "complete");
    }

    @Test
    void csvExportDefusesSpreadsheetFormulasButKeepsPlainNumbers() throws Exception {
        write(List.of(new CallRecord("f", "=HYPERLINK(\"x\")", "-1+2", T0, null, T0, Disposition.FAILED,
                "@SUM(1)", null, null, null, null)));
        StringBuilder out = new StringBuilder();

        service.exportCsv(CdrFilter.ALL, out);

        CSVRecord row = parse(out.toString()).getFirst();
        assertThat(row.get("caller")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get("callee")).isEqualTo("'-1+2");
        assertThat(row.get("hangup_cause")).isEqualTo("'@SUM(1)");
        assertThat(CdrCsv.text("+4930123")).isEqualTo("+4930123");
    }

    @Test
    void csvExportReadsPastOneChunkWithoutLosingOrRepeatingRows() throws Exception {
        List<CallRecord> many = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            Instant start = T0.plusSeconds(i / 3);   // equal start times across chunk edges
            many.add(new CallRecord("m" + i, "1001", "1002", start, null, start, Disposition.FAILED, "503", null, null, null, null));
        }
        write(many);
        StringBuilder out = new StringBuilder();

        long rows = service.exportCsv(CdrFilter.ALL, out);

        List<String> ids = parse(out.toString()).stream().map(r -> r.get("call_id")).toList();
        assertThat(rows).isEqualTo(2_345);
        assertThat(ids).hasSize(2_345).doesNotHaveDuplicates();
    }

    @Test
    void pageLimitAndOffsetAreCheckedNamingTheParameter() {
        assertThatThrownBy(() -> service.page(CdrFilter.ALL, 0, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> service.page(CdrFilter.ALL, CdrService.MAX_LIMIT + 1, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> service.page(CdrFilter.ALL, 10, -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("offset"));
        assertThat(service.page(CdrFilter.ALL, 10, 0).total()).isZero();
    }

    private static List<CSVRecord> parse(String text) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
