package org.switchboard.pbx.provisioning;

import java.util.List;

/**
 * What a bulk import did, one outcome per device line in file order. In
 * {@link ImportMode#ALL_OR_NOTHING} mode a single failure means {@code committed} is false and no
 * row was stored. Immutable, any thread.
 */
public record ImportReport(ImportMode mode, boolean committed, List<RowOutcome> rows) {

    public ImportReport {
        rows = List.copyOf(rows);
    }

    /** How many rows were stored. */
    public long imported() {
        return rows.stream().filter(r -> r instanceof RowOutcome.Imported).count();
    }

    /** How many rows failed. */
    public long failed() {
        return rows.stream().filter(r -> r instanceof RowOutcome.Failed).count();
    }

    /** The outcome of one device line of the file. */
    public sealed interface RowOutcome {
        long line();

        /** The device was stored (only when the import committed). */
        record Imported(long line, String macAddress) implements RowOutcome {}

        /** The line was valid but not stored because another line failed in all-or-nothing mode. */
        record Skipped(long line, String macAddress) implements RowOutcome {}

        /** The line was refused; {@code field} names the column at fault. */
        record Failed(long line, String field, String message) implements RowOutcome {}
    }
}
