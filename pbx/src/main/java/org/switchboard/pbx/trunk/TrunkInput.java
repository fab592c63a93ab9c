package org.switchboard.pbx.trunk;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A trunk as an admin writes it (API, seed), the password in clear. An empty {@code password} on
 * an update keeps the stored one, so an admin who edits the host need not type it again.
 * Immutable; {@link #toString()} hides the password.
 */
public record TrunkInput(
        String name,
        String host,
        OptionalInt port,
        String transport,
        Optional<String> outboundProxy,
        Optional<String> username,
        Optional<String> password,
        boolean register,
        int registerExpiry,
        int optionsInterval,
        int optionsMisses,
        List<String> codecs,
        int maxChannels,
        Optional<String> callerIdRules,
        List<String> inboundAddresses,
        boolean enabled) {

    /** Registration lifetime asked for when none is given: an hour, as carriers commonly grant. */
    public static final int DEFAULT_REGISTER_EXPIRY = 3600;
    /** Seconds between OPTIONS probes when none is given. */
    public static final int DEFAULT_OPTIONS_INTERVAL = 30;
    /** Unanswered probes in a row before a trunk is down, when none is given. */
    public static final int DEFAULT_OPTIONS_MISSES = 3;
    /** The codecs offered when none are given: G.711, which every carrier takes. */
    public static final List<String> DEFAULT_CODECS = List.of("PCMU", "PCMA");

    @Override
    public String toString() {
        return "TrunkInput[name=" + name + ", host=" + host + ", port=" + port + ", transport=" + transport
                + ", username=" + username.orElse("") + ", password=" + (password.isPresent() ? "***" : "unchanged")
                + ", register=" + register + ", enabled=" + enabled + "]";
    }
}
