package org.switchboard.pbx.provisioning;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;
import org.switchboard.store.db.ValidationException;

/**
 * Parses a device's static IP address from text without any name lookup; stateless, any thread.
 *
 * <p>IPv4 must be a plain dotted quad ({@code 192.0.2.10}); the short and octal-looking forms
 * {@code InetAddress} would also take ({@code 10.1}, {@code 010.0.0.1}) are refused because an
 * operator who typed them meant something else. IPv6 is any RFC 4291 §2.2 text form without
 * brackets or a zone (a zone names an interface of this host, not the phone's address).
 * Unspecified and multicast addresses are no device's address.
 */
public final class IpLiteral {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {}

    /** @throws ValidationException on {@code field} when the text is not a unicast IP literal */
    public static InetAddress parse(String text, String field) {
        String s = text.strip();
        InetAddress address;
        if (DOTTED_QUAD.matcher(s).matches()) {
            address = Inet4Address.ofLiteral(s);
        } else if (s.contains(":") && IPV6_CHARS.matcher(s).matches()) {
            try {
                address = Inet6Address.ofLiteral(s);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, "is not a valid IPv6 address");
            }
        } else {
            throw new ValidationException(field, "must be an IPv4 (192.0.2.10) or IPv6 (2001:db8::10) address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()
                || s.equals("255.255.255.255")) {
            throw new ValidationException(field, "is not a device address (unspecified, multicast or broadcast)");
        }
        return address;
    }
}
