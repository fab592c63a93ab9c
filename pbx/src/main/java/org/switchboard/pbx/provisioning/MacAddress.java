package org.switchboard.pbx.provisioning;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.ValidationException;

/**
 * A phone's Ethernet MAC address (EUI-48), held as 12 lower-case hex digits; immutable, any thread.
 *
 * <p>Only addresses a phone can own are accepted: the all-zero address is refused because
 * {@code 000000000000.cfg} is Polycom's shared master file name and would clash with it, and
 * group (multicast, including broadcast) addresses are refused because IEEE 802 never assigns
 * them to an interface (the I/G bit, the lowest bit of the first octet, is set).
 */
public record MacAddress(String hex) {

    /** The field name used in validation errors, matching the database column. */
    public static final String FIELD = "mac_address";

    private static final Pattern TWELVE_HEX = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern COLON = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");
    private static final Pattern DASH = Pattern.compile("\\p{XDigit}{2}(-\\p{XDigit}{2}){5}");
    private static final Pattern CISCO_DOTS = Pattern.compile("\\p{XDigit}{4}(\\.\\p{XDigit}{4}){2}");
    private static final Pattern BARE = Pattern.compile("\\p{XDigit}{12}");

    public MacAddress {
        if (hex == null || !TWELVE_HEX.matcher(hex).matches()) {
            throw new ValidationException(FIELD, "must be 12 lower-case hex digits");
        }
        if (hex.equals("000000000000")) {
            throw new ValidationException(FIELD, "the all-zero address is not a device address");
        }
        if (isGroupAddress(hex)) {
            throw new ValidationException(FIELD, "is a multicast/broadcast address, not a device address");
        }
    }

    /**
     * Parses any common spelling: {@code 00:15:65:12:34:56}, {@code 00-15-65-12-34-56},
     * {@code 0015.6512.3456} (Cisco) or {@code 001565123456}, in any case, with surrounding
     * blanks ignored.
     *
     * @throws ValidationException on field {@code mac_address} when the text is no device MAC address
     */
    public static MacAddress parse(String text) {
        String digits = digitsOf(text).orElseThrow(() -> new ValidationException(FIELD,
                "must be a MAC address like 00:15:65:12:34:56 or 001565123456"));
        return new MacAddress(digits);
    }

    /**
     * Like {@link #parse} but for untrusted hints (a header a phone sent): a value that is not
     * a usable device address is simply absent.
     */
    public static Optional<MacAddress> tryParse(String text) {
        return digitsOf(text)
                .filter(d -> !d.equals("000000000000") && !isGroupAddress(d))
                .map(MacAddress::new);
    }

    private static Optional<String> digitsOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (!(COLON.matcher(s).matches() || DASH.matcher(s).matches()
                || CISCO_DOTS.matcher(s).matches() || BARE.matcher(s).matches())) {
            return Optional.empty();
        }
        return Optional.of(s.replaceAll("[:.-]", "").toLowerCase(Locale.ROOT));
    }

    // IEEE 802: the I/G bit (lowest bit of the first octet) marks a group address.
    private static boolean isGroupAddress(String digits) {
        return (HexFormat.fromHexDigits(digits, 0, 2) & 0x01) != 0;
    }

    /** The colon-separated lower-case form, {@code 00:15:65:12:34:56}, for display and templates. */
    public String colonSeparated() {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** The 12 upper-case hex digits, as some vendors (Polycom, Snom) print them in file names. */
    public String upperHex() {
        return hex.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return colonSeparated();
    }
}
