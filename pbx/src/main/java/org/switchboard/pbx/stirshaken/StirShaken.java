package org.switchboard.pbx.stirshaken;

import java.time.Clock;
import java.util.Optional;

/**
 * A node's STIR/SHAKEN parts as the configuration turns them on: the signer and the attestation
 * rule for outgoing calls, the inbound check for incoming ones. Built at start, where a bad file
 * stops the server with an error naming it. Immutable apart from the verifier's certificate
 * cache; any thread.
 */
public final class StirShaken implements AutoCloseable {
    private final Optional<IdentitySigner> signer;
    private final AttestationRule attestation;
    private final Optional<IdentityVerifier> verifier;
    private final Optional<InboundIdentityCheck> inbound;

    private StirShaken(Optional<IdentitySigner> signer, AttestationRule attestation, Optional<IdentityVerifier> verifier,
            boolean rejectFailed) {
        this.signer = signer;
        this.attestation = attestation;
        this.verifier = verifier;
        this.inbound = verifier.map(v -> new InboundIdentityCheck(v, rejectFailed));
    }

    /** Loads the configured files (a {@code ValidationException} naming the key and file when one is bad). */
    public static StirShaken start(StirShakenSettings settings, Clock clock) {
        Optional<IdentitySigner> signer = settings.signs()
                ? Optional.of(IdentitySigner.load(settings.privateKey().orElseThrow(), settings.certificate().orElseThrow(),
                        settings.x5u().orElseThrow()))
                : Optional.empty();
        Optional<IdentityVerifier> verifier = settings.trustAnchors().map(TrustAnchors::load).map(anchors ->
                new IdentityVerifier(anchors, new CertificateRepository(settings.fetchTimeout(), settings.allowHttpX5u(), clock),
                        settings.iatWindow(), settings.verifyTimeout(), clock));
        return new StirShaken(signer, new AttestationRule(settings.ownNumbers()), verifier, settings.rejectFailed());
    }

    /** The signer, when signing is configured. */
    public Optional<IdentitySigner> signer() {
        return signer;
    }

    /** Which attestation an outgoing call gets. */
    public AttestationRule attestation() {
        return attestation;
    }

    /** The check incoming calls pass through, when verification is configured. */
    public Optional<InboundIdentityCheck> inbound() {
        return inbound;
    }

    @Override
    public void close() {
        verifier.ifPresent(IdentityVerifier::close);
    }
}
