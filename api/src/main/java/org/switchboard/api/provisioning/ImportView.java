package org.switchboard.api.provisioning;

import java.util.List;
import java.util.Locale;
import org.switchboard.pbx.provisioning.ImportReport;
import org.switchboard.pbx.provisioning.ImportReport.RowOutcome;

/** The answer of a bulk import: totals and one result per device line. Immutable, any thread. */
public record ImportView(String mode, boolean committed, long imported, long failed, List<Row> rows) {

    /** One line's result; {@code status} is {@code imported}, {@code skipped} or {@code failed}. */
    public record Row(long line, String status, String macAddress, String field, String message) {}

    static ImportView of(ImportReport report) {
        List<Row> rows = report.rows().stream().map(r -> switch (r) {
            case RowOutcome.Imported i -> new Row(i.line(), "imported", i.macAddress(), null, null);
            case RowOutcome.Skipped s -> new Row(s.line(), "skipped", s.macAddress(), null,
                    "not stored: another line failed and the mode is all_or_nothing");
            case RowOutcome.Failed f -> new Row(f.line(), "failed", null, f.field(), f.message());
        }).toList();
        return new ImportView(report.mode().name().toLowerCase(Locale.ROOT), report.committed(), report.imported(),
                report.failed(), rows);
    }
}
