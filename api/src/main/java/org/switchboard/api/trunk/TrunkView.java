package org.switchboard.api.trunk;

import java.time.Instant;
import java.util.List;
import org.switchboard.pbx.trunk.TrunkState;
import org.switchboard.store.trunk.NewSipTrunk;
import org.switchboard.store.trunk.SipTrunk;

/**
 * Response body for one trunk with its live state on this node. Lists the fields one by one so
 * the password can never reach a response; only whether one is set is shown.
 */
public record TrunkView(
        String name,
        String host,
        Integer port,
        String transport,
        String outboundProxy,
        String username,
        boolean passwordSet,
        boolean register,
        int registerExpiry,
        int optionsInterval,
        int optionsMisses,
        List<String> codecs,
        int maxChannels,
        String callerIdRules,
        List<String> inboundAddresses,
        boolean enabled,
        String registration,
        String status,
        String lastError,
        Instant registeredUntil,
        Instant createdAt,
        Instant updatedAt) {

    static TrunkView of(SipTrunk trunk, TrunkState state) {
        NewSipTrunk t = trunk.values();
        return new TrunkView(
                t.name(),
                t.host(),
                t.port().isPresent() ? t.port().getAsInt() : null,
                t.transport(),
                t.outboundProxy().orElse(null),
                t.username().orElse(null),
                t.sealedPassword().isPresent(),
                t.register(),
                t.registerExpiry(),
                t.optionsInterval(),
                t.optionsMisses(),
                t.codecs(),
                t.maxChannels(),
                t.callerIdRules().orElse(null),
                t.inboundAddresses(),
                t.enabled(),
                state.registration().wire(),
                state.status().wire(),
                state.lastError().orElse(null),
                state.registeredUntil().orElse(null),
                trunk.createdAt(),
                trunk.updatedAt());
    }
}
