package org.switchboard.pbx.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a MAC address inside a Contact {@code +sip.instance} value (RFC 5626 §4.1); stateless,
 * any thread.
 *
 * <p>Two forms carry one: {@code urn:mac:<mac>}, and a time-based UUID
 * {@code urn:uuid:00000000-0000-1000-8000-000b82123456} whose node field is the MAC, as
 * RFC 4122 §4.1.6 defines for version 1 and as Grandstream and Yealink phones send it. Other
 * UUID versions are random or hashed and carry no MAC, and a version 1 UUID built with a random
 * node has the multicast bit set (RFC 4122 §4.5), so both are ignored.
 */
public final class InstanceIdMac {

    private static final Pattern UUID = Pattern.compile(
            "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-(?<version>[0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-(?<node>[0-9a-f]{12})");
    private static final String MAC_URN = "urn:mac:";

    private InstanceIdMac() {}

    /** The MAC address in a {@code +sip.instance} value, quoted and bracketed or bare. */
    public static Optional<MacAddress> parse(String sipInstance) {
        String s = unwrap(sipInstance.strip()).toLowerCase(Locale.ROOT);
        if (s.startsWith(MAC_URN)) {
            return MacAddress.tryParse(s.substring(MAC_URN.length()));
        }
        Matcher m = UUID.matcher(s);
        if (m.matches() && m.group("version").equals("1")) {
            return MacAddress.tryParse(m.group("node"));
        }
        return Optional.empty();
    }

    // RFC 5626 §4.1: the value is a quoted string holding "<urn>"; be lenient about either layer.
    private static String unwrap(String s) {
        String t = s;
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.length() >= 2 && t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
