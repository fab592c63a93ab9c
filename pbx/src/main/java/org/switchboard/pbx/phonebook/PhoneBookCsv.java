package org.switchboard.pbx.phonebook;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/**
 * The phone book as CSV (RFC 4180, UTF-8): a header line naming the columns {@value #HEADER}, in
 * any order and any case, of which unknown ones are refused and missing ones are empty; one contact
 * per line. Export writes every column in that order. Stateless, any thread.
 */
public final class PhoneBookCsv {
    static final String HEADER = "first_name,last_name,company,office,mobile,home,email";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** Most contacts one import may hold; a larger file is refused whole. */
    public static final int MAX_CONTACTS = 20_000;

    private PhoneBookCsv() {}

    /** {@link ValidationException} on field {@code file} naming the line and the fault. */
    public static List<NewContact> parse(String csv) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
            for (String column : parser.getHeaderNames()) {
                if (!COLUMNS.contains(column.strip().toLowerCase(Locale.ROOT))) {
                    throw new ValidationException("file", "unknown column '" + column + "': the columns are " + HEADER);
                }
            }
            List<NewContact> contacts = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (contacts.size() == MAX_CONTACTS) {
                    throw new ValidationException("file", "holds more than " + MAX_CONTACTS + " contacts");
                }
                ContactParts parts = new ContactParts();
                parts.firstName = cell(row, "first_name");
                parts.lastName = cell(row, "last_name");
                parts.company = cell(row, "company");
                parts.office = cell(row, "office");
                parts.mobile = cell(row, "mobile");
                parts.home = cell(row, "home");
                parts.email = cell(row, "email");
                contacts.add(parts.toContact("line " + row.getParser().getCurrentLineNumber()));
            }
            return contacts;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException("file", "is not CSV with a header line: " + e.getMessage());
        }
    }

    public static String write(List<Contact> contacts) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Contact contact : contacts) {
                NewContact c = contact.values();
                printer.printRecord(List.of(c.firstName(), c.lastName(), c.company(), c.office(), c.mobile(), c.home(), c.email())
                        .stream().map(part -> part.orElse("")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The cell of {@code column} (header case ignored), null when the file has no such column or the line is short. */
    private static String cell(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column) : null;
    }
}
