package org.switchboard.pbx.provisioning;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.provisioning.DeviceLogin;
import org.switchboard.store.provisioning.ProvisionedDevice;

/**
 * Gives each provisioned device SIP credentials of its own (docs/provisioning.md, "SIP
 * credentials"): the user name {@code <extension>-<last six hex digits of the MAC>} (the whole MAC
 * when another device already has that name) and a generated password, sealed for the device's
 * MAC, with the HA1s the registrar checks. The extension's own password is never touched, so the
 * extension's other phones keep working. Thread-safe.
 */
final class DeviceCredentialIssuer {
    private static final Logger log = LoggerFactory.getLogger(DeviceCredentialIssuer.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    // 24 symbols from 57: about 140 bits, above the 128 the design asks for.
    private static final int PASSWORD_LENGTH = 24;
    private static final int SHORT_MAC_DIGITS = 6;

    private final DeviceSecretCipher cipher;
    private final String realm;
    private final SecureRandom random = new SecureRandom();

    /** @param realm the SIP domain the HA1s are computed for */
    DeviceCredentialIssuer(DeviceSecretCipher cipher, String realm) {
        this.cipher = cipher;
        this.realm = realm;
    }

    /** A device's sealed password with its login, as stored together. */
    record Issued(String sealedPassword, DeviceLogin login) {}

    /**
     * The credentials a device saved for {@code extension} gets: its current ones when it stays on
     * that extension and they can still be used (opened, made for this realm), new ones otherwise
     * (a new device, a device moved to another extension, a device saved before it had its own).
     *
     * @param userNameTaken whether another device already has a user name
     */
    Issued credentialsFor(MacAddress mac, String extension, Optional<ProvisionedDevice> existing,
            Predicate<String> userNameTaken) {
        Optional<ProvisionedDevice> keep = existing
                .filter(d -> d.extensionNumber().equals(extension) && d.sipSecret() != null && d.login() != null)
                .filter(d -> d.login().realm().equals(realm))
                .filter(d -> opens(mac, d.sipSecret()));
        if (keep.isPresent()) {
            return new Issued(keep.get().sipSecret(), keep.get().login());
        }
        String password = newPassword();
        String userName = userName(extension, mac, userNameTaken);
        DeviceLogin login = new DeviceLogin(userName, DigestAlgorithm.MD5.ha1(userName, realm, password),
                DigestAlgorithm.SHA_256.ha1(userName, realm, password), realm);
        return new Issued(cipher.seal(mac, password), login);
    }

    /** The device's plain password, for its configuration file. */
    String password(MacAddress mac, String sealed) {
        return cipher.open(mac, sealed);
    }

    /** {@code 1001-a1b2c3}; {@code 1001-001565a1b2c3} when the short one belongs to another device. */
    static String userName(String extension, MacAddress mac, Predicate<String> taken) {
        String hex = mac.hex();
        String shortName = extension + "-" + hex.substring(hex.length() - SHORT_MAC_DIGITS);
        return taken.test(shortName) ? extension + "-" + hex : shortName;
    }

    private boolean opens(MacAddress mac, String sealed) {
        try {
            cipher.open(mac, sealed);
            return true;
        } catch (SealedSecretException e) {
            log.warn("{}; new credentials will be issued", e.getMessage());
            return false;
        }
    }

    private String newPassword() {
        StringBuilder b = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
