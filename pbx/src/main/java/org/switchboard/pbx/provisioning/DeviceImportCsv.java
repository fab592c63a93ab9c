package org.switchboard.pbx.provisioning;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.switchboard.pbx.provisioning.ImportLine.Accepted;
import org.switchboard.pbx.provisioning.ImportLine.Rejected;
import org.switchboard.store.db.ValidationException;

/**
 * Reads a bulk device import in CSV ({@code mac,extension,vendor,model[,static_ip]}, RFC 4180
 * quoting, optional header line, {@code #} comments and blank lines ignored) into one
 * {@link ImportLine} per device line; stateless, any thread.
 *
 * <p>Each line is judged on its own so an operator sees every mistake in one pass: bad MAC,
 * extension, vendor, model or IP address, a wrong number of columns, or a MAC already given on
 * an earlier line. Whether the extension exists or the MAC is already stored is for the
 * service to decide; this class does not look anything up.
 */
public final class DeviceImportCsv {

    /** Most lines one import may hold; a larger file is refused whole. */
    public static final int MAX_LINES = 10_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private DeviceImportCsv() {}

    /**
     * @throws ValidationException on field {@code file} when the text is not CSV at all (an
     *     unterminated quote) or holds more than {@link #MAX_LINES} lines
     */
    public static List<ImportLine> parse(String csv) {
        List<ImportLine> out = new ArrayList<>();
        Map<MacAddress, Long> seen = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.getRecordNumber() == 1 && isHeader(record)) {
                    continue;
                }
                if (out.size() == MAX_LINES) {
                    throw new ValidationException("file", "holds more than " + MAX_LINES + " devices");
                }
                out.add(judge(record, line, seen));
            }
        } catch (UncheckedIOException | IOException e) {
            // Reading a String cannot fail; commons-csv reports malformed quoting this way, in its
            // own words and class names, which mean nothing to the admin who uploaded the file.
            throw new ValidationException("file",
                    "is not valid CSV: a quoted value has no closing quote, or text follows its closing quote");
        }
        return out;
    }

    private static boolean isHeader(CSVRecord record) {
        String first = record.get(0).toLowerCase(Locale.ROOT);
        return first.equals("mac") || first.equals("mac_address");
    }

    private static ImportLine judge(CSVRecord record, long line, Map<MacAddress, Long> seen) {
        if (record.size() < 4 || record.size() > 5) {
            return new Rejected(line, "row", "expected 4 or 5 columns (mac,extension,vendor,model[,static_ip]), found "
                    + record.size());
        }
        try {
            MacAddress mac = MacAddress.parse(record.get(0));
            Vendor vendor = Vendor.fromId(record.get(2)).orElseThrow(() -> new ValidationException("vendor",
                    "unknown vendor '" + record.get(2) + "'; expected one of yealink, polycom, grandstream, cisco, snom, fanvil"));
            String model = PhoneModels.canonical(vendor, record.get(3)).orElseThrow(() -> new ValidationException(
                    "model", "unknown " + vendor.id() + " model '" + record.get(3) + "'"));
            Optional<InetAddress> ip = record.size() == 5 && !record.get(4).isEmpty()
                    ? Optional.of(IpLiteral.parse(record.get(4), "static_ip"))
                    : Optional.empty();
            DeviceImportRow row = new DeviceImportRow(mac, record.get(1), vendor, model, ip);
            Long earlier = seen.putIfAbsent(mac, line);
            if (earlier != null) {
                return new Rejected(line, MacAddress.FIELD, "MAC " + mac + " is already on line " + earlier);
            }
            return new Accepted(line, row);
        } catch (ValidationException e) {
            return new Rejected(line, e.field(), e.getMessage());
        }
    }
}
