package org.switchboard.pbx.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.admin.AdminUserStore;
import org.switchboard.store.admin.MfaSecret;
import org.switchboard.store.admin.MfaStore;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;

/**
 * TOTP (RFC 6238) as admins' second factor: enrolment (a random 160-bit secret, sealed with the
 * node's key before it is stored), confirmation with a first code (which turns it on and hands out
 * one-time recovery codes, stored as SHA-256), and the check at login: a code of the current time
 * step or one step either side (RFC 6238 §5.2 allows for clock drift), never a step at or before the
 * last one accepted, so a code cannot be replayed. Thread-safe: the store and the cipher are, the rest
 * is immutable; call from request or virtual threads (database work).
 */
public final class TotpService implements SecondFactor {
    private static final Logger log = LoggerFactory.getLogger(TotpService.class);
    /** RFC 4226 §4 R6: a shared secret of at least 128 bits, 160 recommended. */
    private static final int SECRET_BYTES = 20;
    private static final int RECOVERY_CODES = 10;
    /** 80 random bits per recovery code: an unsalted hash of it cannot be searched through. */
    private static final int RECOVERY_CODE_BYTES = 10;
    private static final String ISSUER = "Switchboard";
    private static final Pattern TOTP_CODE = Pattern.compile("\\d{" + Totp.DIGITS + "}");

    private final AdminUserStore users;
    private final MfaStore store;
    private final SecretSealer cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TotpService(AdminUserStore users, MfaStore store, SecretSealer cipher, Clock clock) {
        this.users = users;
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Starts enrolment for {@code username}: a new secret replaces one that was never confirmed.
     * {@link ConflictException} on field "totp" when TOTP is already on (an administrator resets
     * it first, so a stolen session cannot move the second factor to another phone).
     */
    public TotpEnrolment enrol(String username) {
        AdminUser user = user(username);
        if (store.find(user.id()).filter(MfaSecret::confirmed).isPresent()) {
            throw new ConflictException("totp", "TOTP is already on for this account; an administrator can reset it");
        }
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        String secret = Base32.encode(key);
        store.saveUnconfirmed(user.id(), cipher.seal(owner(user), secret), clock.instant());
        log.info("admin totp enrolment started username={}", user.username());
        String uri = "otpauth://totp/" + ISSUER + ":" + encode(user.username()) + "?secret=" + secret + "&issuer=" + ISSUER;
        return new TotpEnrolment(secret, uri);
    }

    /**
     * Turns TOTP on with the first code from the app and returns the recovery codes, shown once.
     * {@link ValidationException} on field "code" when the code does not match; {@link
     * ConflictException} on field "code" when no enrolment waits.
     */
    public List<String> confirm(String username, String code) {
        AdminUser user = user(username);
        MfaSecret pending = store.find(user.id()).filter(s -> !s.confirmed())
                .orElseThrow(() -> new ConflictException("code", "no TOTP enrolment is waiting; start one first"));
        long step = matchingStep(key(user, pending), code, 0)
                .orElseThrow(() -> new ValidationException("code", "is not the current code of the new secret"));
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        if (!store.confirm(user.id(), step, codes.stream().map(TotpService::hash).toList(), clock.instant())) {
            throw new ConflictException("code", "the enrolment was confirmed or replaced meanwhile");
        }
        log.info("admin totp enabled username={}", user.username());
        return List.copyOf(codes);
    }

    @Override
    public Verdict check(AdminUser user, Optional<String> code) {
        Optional<MfaSecret> secret = store.find(user.id()).filter(MfaSecret::confirmed);
        if (secret.isEmpty()) {
            return Verdict.NOT_ENROLLED;
        }
        if (code.isEmpty() || code.get().isBlank()) {
            return Verdict.MISSING;
        }
        String given = code.get().strip();
        Instant now = clock.instant();
        if (TOTP_CODE.matcher(given).matches()) {
            OptionalLong step = matchingStep(key(user, secret.get()), given, secret.get().lastStep());
            return step.isPresent() && store.useStep(user.id(), step.getAsLong(), now) ? Verdict.PASSED : Verdict.WRONG;
        }
        if (store.useRecoveryCode(user.id(), hash(given), now)) {
            log.info("admin recovery code used username={} left={}", user.username(), store.unusedRecoveryCodes(user.id()));
            return Verdict.PASSED;
        }
        return Verdict.WRONG;
    }

    /** Whether {@code username} has TOTP on, an enrolment waiting, and how many recovery codes are left. */
    public MfaStatus status(String username) {
        AdminUser user = user(username);
        Optional<MfaSecret> secret = store.find(user.id());
        boolean on = secret.map(MfaSecret::confirmed).orElse(false);
        return new MfaStatus(on, secret.isPresent() && !on, on ? store.unusedRecoveryCodes(user.id()) : 0);
    }

    /** Removes {@code username}'s second factor (a lost phone); true when there was one. */
    public boolean reset(String username, String actor) {
        AdminUser user = user(username);
        boolean removed = store.remove(user.id());
        log.info("admin totp reset username={} removed={} by={}", user.username(), removed, actor);
        return removed;
    }

    /** The step within one of now whose code is {@code code}, newer than {@code after}. */
    private OptionalLong matchingStep(byte[] key, String code, long after) {
        long now = Totp.step(clock.instant());
        byte[] given = code == null ? new byte[0] : code.strip().getBytes(StandardCharsets.US_ASCII);
        for (long step = now - 1; step <= now + 1; step++) {
            // Constant time: how long the comparison takes says nothing about how many digits matched.
            if (step > after && MessageDigest.isEqual(Totp.code(key, step).getBytes(StandardCharsets.US_ASCII), given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private byte[] key(AdminUser user, MfaSecret secret) {
        return Base32.decode(cipher.open(owner(user), secret.sealedSecret()), "totp");
    }

    private AdminUser user(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("admin", username));
    }

    /** The associated data of the sealed secret: a sealed value copied onto another account's row does not open. */
    private static String owner(AdminUser user) {
        return "admin-totp:" + user.id();
    }

    private String recoveryCode() {
        byte[] b = new byte[RECOVERY_CODE_BYTES];
        random.nextBytes(b);
        String s = Base32.encode(b);
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16);
    }

    /** Recovery codes are compared without case, dashes or spaces, as people type them. */
    private static String hash(String recoveryCode) {
        String normalized = recoveryCode.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return DigestAlgorithm.SHA_256.hashHex(normalized);
    }

    private static String encode(String label) {
        return URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
