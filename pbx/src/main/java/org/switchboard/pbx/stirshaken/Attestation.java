package org.switchboard.pbx.stirshaken;

import java.util.Optional;

/**
 * How much the signing provider vouches for the calling number (RFC 8588 §4, ATIS-1000074 §5.2.3).
 * Chosen by {@link AttestationRule}.
 */
public enum Attestation {
    /** Full: the caller is our customer and may use the calling number. */
    A,
    /** Partial: the caller is our customer, but we have not verified the calling number. */
    B,
    /** Gateway: the call entered our network from somewhere we cannot vouch for. */
    C;

    /** The {@code attest} claim's value for {@code text}; empty when it is none of A, B, C. */
    static Optional<Attestation> of(Object text) {
        for (Attestation a : values()) {
            if (a.name().equals(text)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
