package org.switchboard.pbx.provisioning;

/** The outcome for one line of a bulk import file; immutable, any thread. */
public sealed interface ImportLine {

    /** The line of the file (1-based) the outcome is about. */
    long line();

    /** A line that describes a device to provision. */
    record Accepted(long line, DeviceImportRow row) implements ImportLine {}

    /** A line that was refused; {@code field} names the column at fault, as in the database. */
    record Rejected(long line, String field, String message) implements ImportLine {}
}
