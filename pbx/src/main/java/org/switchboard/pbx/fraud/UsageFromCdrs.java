package org.switchboard.pbx.fraud;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.trunk.TrunkAddress;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.sip.transport.AddressRange;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.CdrPosition;
import org.switchboard.store.cdr.CdrStore;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.trunk.SipTrunk;

/**
 * Loads today's spend into {@link DailyUsage} from the CDRs at start-up, so a restart does not
 * give every extension a fresh budget. A CDR is a trunk call when its callee's address is a trunk's
 * (the carrier's, or its outbound proxy's, address and port when the host is written as an address,
 * or any address in its {@code inbound_addresses}); it is priced by that trunk's rate at the answer.
 * Blocking (database reads): call at start-up, never on a call thread.
 */
public final class UsageFromCdrs {
    private static final int CHUNK = 1_000;

    private final CdrStore cdrs;
    private final TrunkService trunks;
    private final CallPrice price;

    public UsageFromCdrs(CdrStore cdrs, TrunkService trunks, CallPrice price) {
        this.cdrs = cdrs;
        this.trunks = trunks;
        this.price = price;
    }

    /** Adds every answered trunk call of the day of {@code now} (in {@code zone}); returns how many. */
    public int load(DailyUsage usage, Instant now, ZoneId zone) {
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        CdrFilter today = new CdrFilter(null, midnight, null, Disposition.ANSWERED);
        int priced = 0;
        Optional<CdrPosition> after = Optional.empty();
        List<Cdr> chunk;
        do {
            chunk = cdrs.after(today, after, CHUNK);
            for (Cdr cdr : chunk) {
                Optional<String> trunk = trunkOf(cdr.calleeAddress());
                if (trunk.isPresent() && cdr.answeredAt() != null) {
                    Duration talk = Duration.ofSeconds(cdr.billableSeconds());
                    usage.add(cdr.caller(), cdr.answeredAt(),
                            price.micros(trunk.get(), cdr.callee(), cdr.answeredAt().atZone(zone), talk),
                            CallPrice.minutes(talk));
                    priced++;
                }
            }
            after = chunk.isEmpty() ? after : Optional.of(CdrPosition.of(chunk.getLast()));
        } while (chunk.size() == CHUNK);
        return priced;
    }

    /** The trunk at {@code hostPort} ({@code 192.0.2.1:5060}, {@code [2001:db8::1]:5060}), if any. */
    Optional<String> trunkOf(String hostPort) {
        if (hostPort == null || hostPort.lastIndexOf(':') < 0) {
            return Optional.empty();
        }
        int colon = hostPort.lastIndexOf(':');
        Optional<InetAddress> address = literal(hostPort.substring(0, colon).replace("[", "").replace("]", ""));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return trunks.list().stream().filter(t -> isAt(t, address.get(), port)).findFirst().map(SipTrunk::name);
    }

    private static boolean isAt(SipTrunk trunk, InetAddress address, int port) {
        TrunkAddress at = new TrunkAddress(trunk.values());
        boolean hop = literal(at.hopHost()).filter(address::equals).isPresent()
                && at.hopPort().orElse(at.transport().defaultPort()) == port;
        return hop || trunk.values().inboundAddresses().stream().anyMatch(r -> AddressRange.parse(r).contains(address));
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
