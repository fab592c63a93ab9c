package org.switchboard.pbx.registrar;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.SipCredentials;
import org.switchboard.pbx.provisioning.ProvisionedLogin;
import org.switchboard.pbx.provisioning.ProvisionedLogins;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.Ha1Source;

/**
 * The HA1s the digest check uses: a digest user name is either an extension number (the password
 * the admin typed) or a provisioned device's own user name (its generated password), and both act
 * for the extension. An algorithm the extension's digest setting does not allow has no HA1, so such
 * an answer fails like a wrong password. An unknown user gets a random HA1 made once at start, so
 * its wrong answer costs the same work as a known one's and both end in the same 403: users cannot
 * be enumerated by response or timing. Thread-safe (reads the services' immutable caches).
 */
public final class CredentialLookup implements Ha1Source {
    private final ExtensionService extensions;
    private final ProvisionedLogins devices;
    private final Map<DigestAlgorithm, String> decoys = new EnumMap<>(DigestAlgorithm.class);

    CredentialLookup(ExtensionService extensions, ProvisionedLogins devices) {
        this.extensions = extensions;
        this.devices = devices;
        SecureRandom random = new SecureRandom();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            byte[] bytes = new byte[algorithm.hexLength() / 2];
            random.nextBytes(bytes);
            decoys.put(algorithm, HexFormat.of().formatHex(bytes));
        }
    }

    @Override
    public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
        Optional<String> stored = extensions.findCredentials(username)
                .filter(c -> c.digestChoice().allows(algorithm))
                .flatMap(c -> ha1Of(c.ha1Md5(), c.ha1Sha256(), algorithm))
                .or(() -> device(username)
                        .filter(d -> d.extension().digestChoice().allows(algorithm))
                        .flatMap(d -> ha1Of(d.login().ha1Md5(), d.login().ha1Sha256(), algorithm)));
        return Optional.of(stored.orElse(decoys.get(algorithm)));
    }

    /** Who {@code username} is, if it is an extension number or a provisioned device's user name. */
    public Optional<SipLogin> login(String username) {
        return extensions.findCredentials(username)
                .map(c -> new SipLogin(username, c.number(), Optional.empty(), c.enabled()))
                .or(() -> device(username).map(d -> new SipLogin(username, d.extension().number(),
                        Optional.of(d.login().macAddress()), d.extension().enabled())));
    }

    /** A device login whose extension exists and whose HA1s were made for the extension's realm. */
    private Optional<DeviceOf> device(String username) {
        return devices.findLogin(username).flatMap(login -> extensions.findCredentials(login.extension())
                .filter(c -> c.realm().equals(login.realm()))
                .map(c -> new DeviceOf(login, c)));
    }

    private record DeviceOf(ProvisionedLogin login, SipCredentials extension) {}

    private static Optional<String> ha1Of(String md5, String sha256, DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> Optional.ofNullable(md5);
            case SHA_256 -> Optional.ofNullable(sha256);
            // No SHA-512-256 HA1 is stored; such a response meets the decoy and fails.
            case SHA_512_256 -> Optional.empty();
        };
    }
}
