package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address
 * without a prefix length), for the sources exempt from the inbound limits. Immutable; any thread.
 */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be 0 to " + bits + ": " + prefixLength);
        }
    }

    /**
     * Parses {@code address[/prefix]}; the address must be a literal (no name lookup).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AddressRange parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("not an address or CIDR range: " + text);
        }
        InetAddress network;
        try {
            network = InetAddress.ofLiteral(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address: " + parts[0]);
        }
        int bits = network.getAddress().length * 8;
        if (parts.length == 1) {
            return new AddressRange(network, bits);
        }
        try {
            return new AddressRange(network, Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + parts[1]);
        }
    }

    /** Whether {@code address} lies in this range (an IPv4 address never lies in an IPv6 range). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefixLength / 8;
        if (!Arrays.equals(a, 0, full, n, 0, full)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
