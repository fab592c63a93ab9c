package org.switchboard.pbx.registrar;

import java.time.Duration;
import java.util.List;
import org.switchboard.sip.auth.DigestAlgorithm;

/**
 * How the registrar treats bindings. Immutable.
 *
 * @param realm the digest realm: the SIP domain, the realm the extensions' HA1s were made for
 * @param minExpiresSeconds shorter non-zero expiries get 423 Interval Too Brief (RFC 3261 §10.3 step 7)
 * @param defaultExpiresSeconds used when neither the contact nor the request gives an expiry
 * @param maxExpiresSeconds longer expiries are shortened to this (RFC 3261 §10.3 step 7 allows it)
 * @param maxContacts most bindings per extension; a new contact beyond it replaces the binding
 *     that expires soonest
 * @param sweepInterval how often expired bindings are removed and the table is merged into memory
 * @param digestAlgorithms what an extension on {@code auto} is challenged with when no User-Agent
 *     rule matches its phone, in challenge order
 */
public record RegistrarSettings(
        String realm,
        long minExpiresSeconds,
        long defaultExpiresSeconds,
        long maxExpiresSeconds,
        int maxContacts,
        Duration sweepInterval,
        List<DigestAlgorithm> digestAlgorithms) {

    public RegistrarSettings {
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("realm is required");
        }
        if (minExpiresSeconds < 1 || defaultExpiresSeconds < minExpiresSeconds || maxExpiresSeconds < defaultExpiresSeconds) {
            throw new IllegalArgumentException("expiries must satisfy 1 <= min <= default <= max: "
                    + minExpiresSeconds + ", " + defaultExpiresSeconds + ", " + maxExpiresSeconds);
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("max contacts must be at least 1: " + maxContacts);
        }
        if (!sweepInterval.isPositive()) {
            throw new IllegalArgumentException("sweep interval must be positive: " + sweepInterval);
        }
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty() || digestAlgorithms.size() != digestAlgorithms.stream().distinct().count()) {
            throw new IllegalArgumentException("digest algorithms must be distinct and not empty: " + digestAlgorithms);
        }
    }

    /**
     * Min 60 s, default 3600 s, max 7200 s, 5 contacts, sweep every 10 s, MD5 then SHA-256 (many
     * phones answer only the first challenge and know only MD5; docs/decisions.md).
     */
    public static RegistrarSettings defaults(String realm) {
        return new RegistrarSettings(realm, 60, 3600, 7200, 5, Duration.ofSeconds(10),
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
    }

    /** These settings challenging with other digest algorithms (e.g. MD5 only for old phones). */
    public RegistrarSettings withDigestAlgorithms(List<DigestAlgorithm> algorithms) {
        return new RegistrarSettings(realm, minExpiresSeconds, defaultExpiresSeconds, maxExpiresSeconds, maxContacts,
                sweepInterval, algorithms);
    }

    /** These settings with another contact limit. */
    public RegistrarSettings withMaxContacts(int max) {
        return new RegistrarSettings(realm, minExpiresSeconds, defaultExpiresSeconds, maxExpiresSeconds, max,
                sweepInterval, digestAlgorithms);
    }
}
