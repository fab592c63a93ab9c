package org.switchboard.pbx.stirshaken;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stir_shaken} section of the configuration (docs/stir-shaken.md). Signing is on when
 * the key, its certificate and the x5u URL are all set; verification is on when trust anchors
 * are set. Immutable.
 *
 * @param privateKey PEM EC P-256 key that signs outgoing PASSporTs
 * @param certificate PEM certificate of that key (the one published at {@code x5u})
 * @param x5u the URL where verifiers fetch the certificate
 * @param trustAnchors PEM bundle of the certificate authorities incoming PASSporTs must chain to
 * @param ownNumbers our numbers (DIDs): a call from an extension with one of them is attested A
 * @param iatWindow how far a PASSporT's {@code iat} may lie from our clock (RFC 8224 §6.2.2 suggests 60 s)
 * @param fetchTimeout how long fetching an x5u certificate may take
 * @param verifyTimeout how long a verification may take in all; past it the call goes on with No-TN-Validation
 * @param rejectFailed whether a call that fails verification is refused (with the RFC 8224
 *     status) instead of reaching the phone marked TN-Validation-Failed
 * @param allowHttpX5u whether incoming PASSporTs' certificates are fetched over plain HTTP too
 *     (labs); off, only https x5u URLs are fetched, as SHAKEN publishes them
 */
public record StirShakenSettings(Optional<Path> privateKey, Optional<Path> certificate, Optional<URI> x5u,
        Optional<Path> trustAnchors, List<String> ownNumbers, Duration iatWindow, Duration fetchTimeout,
        Duration verifyTimeout, boolean rejectFailed, boolean allowHttpX5u) {

    /** Configuration keys, for the errors that name them. */
    public static final String PRIVATE_KEY = "stir_shaken.private_key";
    public static final String CERTIFICATE = "stir_shaken.certificate";
    public static final String X5U = "stir_shaken.x5u";
    public static final String TRUST_ANCHORS = "stir_shaken.trust_anchors";

    public StirShakenSettings {
        ownNumbers = List.copyOf(ownNumbers);
        Objects.requireNonNull(iatWindow, "iatWindow");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(verifyTimeout, "verifyTimeout");
    }

    /** Nothing signed, nothing verified; the default windows and timeouts. */
    public static final StirShakenSettings OFF = new StirShakenSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), Duration.ofSeconds(60), Duration.ofSeconds(2),
            Duration.ofSeconds(3), false, false);

    /** Whether outgoing calls are signed. */
    public boolean signs() {
        return privateKey.isPresent() && certificate.isPresent() && x5u.isPresent();
    }

    /** Whether incoming Identity headers are verified. */
    public boolean verifies() {
        return trustAnchors.isPresent();
    }
}
