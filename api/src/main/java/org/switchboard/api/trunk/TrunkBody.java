package org.switchboard.api.trunk;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.store.db.Fields;

/**
 * Request body of {@code POST /api/trunks} and {@code PUT /api/trunks/{name}}. {@code name} and
 * {@code host} are required; the rest have defaults (UDP, no registration, OPTIONS every 30 s,
 * down after 3 misses, PCMU and PCMA, no channel limit, enabled). The password is write-only:
 * omitted on update it keeps the stored one. {@link #toString()} hides it.
 */
public record TrunkBody(
        String name,
        String host,
        Integer port,
        String transport,
        String outboundProxy,
        String username,
        String password,
        Boolean register,
        Integer registerExpiry,
        Integer optionsInterval,
        Integer optionsMisses,
        List<String> codecs,
        Integer maxChannels,
        String callerIdRules,
        List<String> inboundAddresses,
        Boolean enabled) {

    /** The service input; on update {@code pathName} stands in for an omitted name. */
    TrunkInput toInput(String pathName) {
        String n = name != null ? name : pathName;
        Fields.required(n, "name");
        Fields.required(host, "host");
        return new TrunkInput(
                n,
                host,
                port == null ? OptionalInt.empty() : OptionalInt.of(port),
                transport == null ? "udp" : transport,
                Optional.ofNullable(outboundProxy),
                Optional.ofNullable(username),
                Optional.ofNullable(password),
                register != null && register,
                registerExpiry == null ? TrunkInput.DEFAULT_REGISTER_EXPIRY : registerExpiry,
                optionsInterval == null ? TrunkInput.DEFAULT_OPTIONS_INTERVAL : optionsInterval,
                optionsMisses == null ? TrunkInput.DEFAULT_OPTIONS_MISSES : optionsMisses,
                codecs == null ? TrunkInput.DEFAULT_CODECS : codecs,
                maxChannels == null ? 0 : maxChannels,
                Optional.ofNullable(callerIdRules),
                inboundAddresses == null ? List.of() : inboundAddresses,
                enabled == null || enabled);
    }

    @Override
    public String toString() {
        return "TrunkBody[name=" + name + ", host=" + host + ", port=" + port + ", transport=" + transport
                + ", username=" + username + ", password=***, register=" + register + ", enabled=" + enabled + "]";
    }
}
