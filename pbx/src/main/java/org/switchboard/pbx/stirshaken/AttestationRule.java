package org.switchboard.pbx.stirshaken;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the attestation of an outgoing call (docs/stir-shaken.md, "Attestation"): A when one of
 * our extensions calls with one of our own numbers, B when one of our extensions calls with a
 * number we do not hold, C when the call came in from outside (a trunk or gateway) and is sent on.
 * Immutable; any thread.
 */
public final class AttestationRule {
    /** Where the call that is about to be signed came from. */
    public enum CallSource {
        /** An extension that authenticated to us: our customer. */
        EXTENSION,
        /** Another network (a trunk, a gateway): we only pass the call on. */
        GATEWAY
    }

    private final Set<String> ownNumbers;

    /** @param ownNumbers the numbers we hold (DIDs), in any notation {@link TelephoneNumbers#canonical} accepts */
    public AttestationRule(Collection<String> ownNumbers) {
        this.ownNumbers = ownNumbers.stream().map(n -> TelephoneNumbers.canonical(n)
                        .orElseThrow(() -> new IllegalArgumentException("not a telephone number: " + n)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The attestation for a call from {@code source} presenting {@code callingNumber} (canonical or not). */
    public Attestation attest(CallSource source, String callingNumber) {
        if (source == CallSource.GATEWAY) {
            return Attestation.C;
        }
        return TelephoneNumbers.canonical(callingNumber).filter(ownNumbers::contains).isPresent()
                ? Attestation.A
                : Attestation.B;
    }
}
