package org.switchboard.pbx.cdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.switchboard.store.cdr.Cdr;

/**
 * Writes CDRs as CSV (RFC 4180, header row first, instants in ISO-8601 UTC, empty cells for
 * absent values). Text that a spreadsheet would run as a formula (a caller name starting with
 * {@code =}, for instance, which any outside caller can choose) is prefixed with an apostrophe;
 * plain numbers such as {@code +4930123} are left alone. One instance per export, used by one thread.
 */
final class CdrCsv implements AutoCloseable {
    static final String[] HEADER = {"call_id", "caller", "callee", "started_at", "answered_at", "ended_at",
            "duration_seconds", "billable_seconds", "disposition", "hangup_cause", "codec", "caller_address",
            "callee_address", "status"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+");

    private final CSVPrinter printer;

    CdrCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the CSV header", e);
        }
    }

    void write(Cdr c) {
        try {
            printer.printRecord(text(c.callId()), text(c.caller()), text(c.callee()), instant(c.startedAt()),
                    instant(c.answeredAt()), instant(c.endedAt()), c.durationSeconds(), c.billableSeconds(),
                    c.disposition().label(), text(c.hangupCause()), text(c.codec()), text(c.callerAddress()),
                    text(c.calleeAddress()), c.status().label());
        } catch (IOException e) {
            throw new UncheckedIOException("writing CDR " + c.callId() + " as CSV", e);
        }
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing the CSV export", e);
        }
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || (first == '+' || first == '-') && !PLAIN_NUMBER.matcher(value).matches();
        return formula ? "'" + value : value;
    }

    private static String instant(Instant at) {
        return at == null ? "" : at.toString();
    }
}
