package org.switchboard.pbx.registrar;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.SipCredentials;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.Ha1Source;

/**
 * The HA1s the digest check uses, from the extension cache. An unknown extension gets a random
 * HA1 made once at start, so its wrong answer costs the same work as a known extension's wrong
 * password and both end in the same 403: extensions cannot be enumerated by response or timing.
 * Thread-safe (reads the service's immutable cache).
 */
final class CredentialLookup implements Ha1Source {
    private final ExtensionService extensions;
    private final Map<DigestAlgorithm, String> decoys = new EnumMap<>(DigestAlgorithm.class);

    CredentialLookup(ExtensionService extensions) {
        this.extensions = extensions;
        SecureRandom random = new SecureRandom();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            byte[] bytes = new byte[algorithm.hexLength() / 2];
            random.nextBytes(bytes);
            decoys.put(algorithm, HexFormat.of().formatHex(bytes));
        }
    }

    @Override
    public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
        Optional<String> stored = extensions.findCredentials(username).flatMap(c -> ha1Of(c, algorithm));
        return Optional.of(stored.orElse(decoys.get(algorithm)));
    }

    /** The extension's credentials, if it exists for this realm. */
    Optional<SipCredentials> credentials(String extension) {
        return extensions.findCredentials(extension);
    }

    private static Optional<String> ha1Of(SipCredentials c, DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> Optional.ofNullable(c.ha1Md5());
            case SHA_256 -> Optional.ofNullable(c.ha1Sha256());
            // Extensions store no SHA-512-256 HA1; such a response meets the decoy and fails.
            case SHA_512_256 -> Optional.empty();
        };
    }
}
