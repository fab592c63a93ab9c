package org.switchboard.store.trunk;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values a SIP trunk is saved with, the password already sealed by the caller. Validates on
 * construction ({@link ValidationException} naming the field as the API spells it). Immutable;
 * {@link #toString()} leaves the sealed password out.
 *
 * @param name the trunk's name, its key in the API and in outbound routes
 * @param host the carrier's host name or IP address
 * @param port the carrier's port; empty to look it up (DNS SRV, else the transport's default port)
 * @param transport {@code udp}, {@code tcp} or {@code tls}
 * @param outboundProxy {@code host[:port]} every request is sent through, if any
 * @param username the authentication user, if the carrier asks for one
 * @param sealedPassword the sealed password, if any
 * @param register whether the node registers to the carrier
 * @param registerExpiry the registration lifetime asked for, in seconds
 * @param optionsInterval seconds between OPTIONS probes; 0 for none
 * @param optionsMisses unanswered probes in a row after which the trunk is down
 * @param codecs the codecs offered on this trunk, in order of preference
 * @param maxChannels the most concurrent calls; 0 for no limit
 * @param callerIdRules caller-ID rules, free text for now
 * @param inboundAddresses IP addresses or CIDR ranges inbound calls are accepted from
 * @param enabled whether the trunk is in use
 */
public record NewSipTrunk(
        String name,
        String host,
        OptionalInt port,
        String transport,
        Optional<String> outboundProxy,
        Optional<String> username,
        Optional<String> sealedPassword,
        boolean register,
        int registerExpiry,
        int optionsInterval,
        int optionsMisses,
        List<String> codecs,
        int maxChannels,
        Optional<String> callerIdRules,
        List<String> inboundAddresses,
        boolean enabled) {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern CODEC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,31}");
    private static final Pattern USER = Pattern.compile("[^\\s\"\\\\]{1,128}");
    private static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");

    public NewSipTrunk {
        name = Fields.mixedCaseName(name);
        host = Fields.required(host, "host");
        Fields.check(isHost(host), "host", "must be a host name or an IP address");
        Fields.check(port.isEmpty() || (port.getAsInt() >= 1 && port.getAsInt() <= 65535), "port",
                "must be between 1 and 65535");
        transport = Fields.required(transport, "transport").toLowerCase(Locale.ROOT);
        Fields.check(TRANSPORTS.contains(transport), "transport", "must be one of udp, tcp, tls");
        outboundProxy = outboundProxy.map(String::strip).filter(p -> !p.isEmpty());
        outboundProxy.ifPresent(p -> Fields.check(isHostPort(p), "outbound_proxy", "must be host or host:port"));
        username = username.map(String::strip).filter(u -> !u.isEmpty());
        username.ifPresent(u -> Fields.check(USER.matcher(u).matches(), "username",
                "must be 1-128 characters without spaces, quotes or backslashes"));
        Fields.check(sealedPassword.isEmpty() || sealedPassword.get().length() <= 1024, "password", "is too long");
        Fields.check(!register || username.isPresent(), "username", "is required to register");
        Fields.check(registerExpiry >= 60 && registerExpiry <= 86400, "register_expiry",
                "must be between 60 and 86400 seconds");
        Fields.check(optionsInterval >= 0 && optionsInterval <= 3600, "options_interval",
                "must be between 0 (no probes) and 3600 seconds");
        Fields.check(optionsMisses >= 1 && optionsMisses <= 100, "options_misses", "must be between 1 and 100");
        codecs = List.copyOf(codecs);
        Fields.check(!codecs.isEmpty() && codecs.size() <= 10, "codecs", "must name 1 to 10 codecs");
        for (String codec : codecs) {
            Fields.check(codec != null && CODEC.matcher(codec).matches(), "codecs", "has an invalid codec name: " + codec);
        }
        Fields.check(String.join(",", codecs).length() <= 200, "codecs", "is too long");
        Fields.check(maxChannels >= 0 && maxChannels <= 100_000, "max_channels", "must be between 0 (no limit) and 100000");
        callerIdRules = callerIdRules.filter(r -> !r.isBlank());
        callerIdRules.ifPresent(r -> Fields.check(r.length() <= 1000, "caller_id_rules", "must be at most 1000 characters"));
        inboundAddresses = List.copyOf(inboundAddresses);
        Fields.check(inboundAddresses.size() <= 100, "inbound_addresses", "must list at most 100 addresses");
        for (String address : inboundAddresses) {
            Fields.check(address != null && isAddressOrRange(address), "inbound_addresses",
                    "must be IP addresses or CIDR ranges: " + address);
        }
    }

    private static boolean isHost(String host) {
        return HOST_NAME.matcher(host).matches() || isIpLiteral(host);
    }

    private static boolean isHostPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon) {
            String port = value.substring(colon + 1);
            return isHost(value.substring(0, colon)) && port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
                    && Integer.parseInt(port) <= 65535;
        }
        return isHost(value);
    }

    /** An IPv4 or IPv6 literal (IPv6 with or without brackets); parsed, never looked up. */
    public static boolean isIpLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9a-fA-F:.]+") || !(bare.contains(".") || bare.contains(":"))) {
            return false;
        }
        try {
            InetAddress.ofLiteral(bare);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAddressOrRange(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return isIpLiteral(value);
        }
        String bits = value.substring(slash + 1);
        String address = value.substring(0, slash);
        if (!isIpLiteral(address) || !bits.matches("[0-9]{1,3}")) {
            return false;
        }
        int max = address.contains(":") ? 128 : 32;
        return Integer.parseInt(bits) <= max;
    }

    @Override
    public String toString() {
        return "NewSipTrunk[name=" + name + ", host=" + host + ", port=" + port + ", transport=" + transport
                + ", username=" + username.orElse("") + ", register=" + register + ", enabled=" + enabled + "]";
    }
}
