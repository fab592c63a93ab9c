package org.switchboard.pbx.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.admin.AdminTokenStore;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.admin.AdminUserStore;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Admin accounts and their sessions: the first admin on an empty database, login with throttling
 * of repeated failures, bearer tokens (256 random bits, base64url; only their SHA-256 is stored,
 * with an expiry), validation and logout. Time comes from the injected {@link Clock}.
 *
 * <p>Sessions this node issued or validated are also remembered in memory, so a token keeps working
 * while the database is unreachable (an operator can still watch the calls in progress); a token
 * revoked on another node during the outage stays usable here until the database answers again.
 *
 * <p>Thread-safe: any request or virtual thread may call it (the store, the throttle and the
 * remembered sessions are thread-safe, the rest is immutable). Password hashing is CPU-heavy: never call from an event loop.
 */
public final class AdminAuthService {
    private static final Logger log = LoggerFactory.getLogger(AdminAuthService.class);
    private static final int TOKEN_BYTES = 32;
    private static final int GENERATED_PASSWORD_BYTES = 18;
    private static final int MIN_PASSWORD = 8;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final AdminUserStore users;
    private final AdminTokenStore tokens;
    private final Argon2PasswordHasher hasher;
    private final AuthPolicy policy;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SessionWatchers watchers = new SessionWatchers();
    // Checked against when the username is unknown, so both failures take the same time.
    private final String decoyHash;
    // Token hash -> session, for answering from memory during a database outage; expired ones are purged hourly.
    private final ConcurrentHashMap<String, AdminSession> knownSessions = new ConcurrentHashMap<>();

    public AdminAuthService(AdminUserStore users, AdminTokenStore tokens, Argon2PasswordHasher hasher,
                            AuthPolicy policy, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.throttle = new LoginThrottle(policy.maxFailedLogins(), policy.failureWindow(), policy.loginSlowdown(), clock);
        this.decoyHash = hasher.hash(randomToken(GENERATED_PASSWORD_BYTES));
    }

    /**
     * First run: when no admin exists, creates {@code username} with the configured password, or
     * with a generated strong one that is returned so the caller can show it once. Returns empty
     * when an admin already exists or the configured password was used.
     */
    public Optional<String> ensureInitialAdmin(String username, String passwordOrNull) {
        String name = Fields.required(username, "admin.username");
        if (users.count() > 0) {
            return Optional.empty();
        }
        boolean generated = passwordOrNull == null || passwordOrNull.isEmpty();
        String password = generated ? randomToken(GENERATED_PASSWORD_BYTES) : passwordOrNull;
        Fields.check(password.length() >= MIN_PASSWORD, "admin.password", "must be at least " + MIN_PASSWORD + " characters");
        users.create(name, hasher.hash(password), clock.instant());
        log.info("initial admin created username={} password_source={}", name, generated ? "generated" : "config");
        return generated ? Optional.of(password) : Optional.empty();
    }

    /**
     * Checks the password and issues a token. Throws {@link LoginThrottledException} while this
     * username from this address, or this address, has too many recent failures (the password is
     * not even checked then), and {@link InvalidCredentialsException} for an unknown user or wrong
     * password. While the username has too many failures from all addresses together, the attempt
     * is held for the policy's slowdown first but never refused: the administrator with the right
     * password still gets in. Blocks the calling (virtual) thread for that time.
     */
    public IssuedToken login(String username, String password, String clientAddress) {
        Optional<Duration> wait = throttle.waitBefore(username, clientAddress);
        if (wait.isPresent()) {
            // Warned once when the limit was reached; one line per refused try would let a guesser flood the log.
            log.debug("admin login throttled username={} address={}", username, clientAddress);
            throw new LoginThrottledException(wait.get());
        }
        Duration slowdown = throttle.slowdownFor(username);
        if (!slowdown.isZero()) {
            log.debug("admin login slowed down username={} address={} for={}", username, clientAddress, slowdown);
            pause(slowdown);
        }
        Optional<AdminUser> user = users.findByUsername(username);
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.matches(password, user.get().passwordHash());
        } else {
            // Spend the same work as for a real user so response time does not reveal unknown usernames.
            hasher.matches(password, decoyHash);
            ok = false;
        }
        if (!ok) {
            boolean nowBlocked = throttle.recordFailure(username, clientAddress);
            log.warn("admin login failed username={} address={}", username, clientAddress);
            if (nowBlocked) {
                log.warn("admin logins blocked for this address after repeated failures username={} address={} for={}",
                        username, clientAddress, policy.failureWindow());
            }
            throw new InvalidCredentialsException();
        }
        throttle.recordSuccess(username, clientAddress);
        String token = randomToken(TOKEN_BYTES);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.tokenLifetime());
        tokens.create(user.get().id(), sha256(token), expiresAt, now);
        knownSessions.put(sha256(token), new AdminSession(username, expiresAt));
        log.info("admin logged in username={} address={} expires_at={}", username, clientAddress, expiresAt);
        return new IssuedToken(token, expiresAt);
    }

    /**
     * The session behind a bearer token, if the token is known, not revoked and not expired. While
     * the database is unreachable, a session this node has seen answers from memory; any other
     * token gets the {@link UnavailableException}.
     */
    public Optional<AdminSession> authenticate(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        Optional<AdminSession> session;
        try {
            session = tokens.findValid(hash, now).map(t -> new AdminSession(t.username(), t.expiresAt()));
        } catch (UnavailableException e) {
            AdminSession known = knownSessions.get(hash);
            if (known != null && known.expiresAt().isAfter(now)) {
                return Optional.of(known);
            }
            throw e;
        }
        session.ifPresentOrElse(s -> knownSessions.put(hash, s), () -> knownSessions.remove(hash));
        return session;
    }

    private static void pause(Duration slowdown) {
        try {
            Thread.sleep(slowdown);
        } catch (InterruptedException e) {
            // Stopping: give up on this attempt without checking the password.
            Thread.currentThread().interrupt();
            throw new LoginThrottledException(slowdown);
        }
    }

    /**
     * Has {@code onEnd} called (on the thread that ends the session) when this token is logged out
     * or its admin's password is reset on this node, for answers that outlive their request, such
     * as an event stream. Close the result when the answer ends by itself. Empty when the token is
     * not valid now.
     */
    public Optional<SessionWatch> watchSession(String token, Runnable onEnd) {
        return authenticate(token).map(session -> watchers.watch(sha256(token), session.username(), onEnd));
    }

    /** Revokes the token and ends what is watching it; unknown tokens are ignored (logging out twice is not an error). */
    public void logout(String token) {
        if (token != null && TOKEN_SHAPE.matcher(token).matches()) {
            String hash = sha256(token);
            knownSessions.remove(hash);
            tokens.delete(hash);
            watchers.endToken(hash);
            log.info("admin logged out");
        }
    }

    /**
     * Sets a new password for {@code username} (the way back from a lost one) and revokes every
     * token of that admin, so sessions opened with the old password end. Returns how many tokens
     * were revoked (their event streams on this node end). {@code ValidationException} on field "password" when it is too short,
     * {@code NotFoundException} when there is no such admin.
     */
    public int resetPassword(String username, String newPassword, String actor) {
        Fields.check(newPassword != null && newPassword.length() >= MIN_PASSWORD, "password",
                "must be at least " + MIN_PASSWORD + " characters");
        AdminUser user = users.findByUsername(Fields.required(username, "username"))
                .orElseThrow(() -> new NotFoundException("admin", username));
        users.changePassword(user.id(), hasher.hash(newPassword), clock.instant());
        knownSessions.values().removeIf(s -> s.username().equals(user.username()));
        int revoked = tokens.deleteForUser(user.id());
        watchers.endUser(user.username());
        log.info("admin password reset username={} tokens_revoked={} by={}", username, revoked, actor);
        return revoked;
    }

    /** Deletes expired tokens; for the housekeeping scheduler (run it on a virtual thread). */
    public int purgeExpiredTokens() {
        Instant now = clock.instant();
        knownSessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
        return tokens.purgeExpired(now);
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return B64URL.encodeToString(b);
    }

    private static String sha256(String token) {
        return DigestAlgorithm.SHA_256.hashHex(token);
    }
}
