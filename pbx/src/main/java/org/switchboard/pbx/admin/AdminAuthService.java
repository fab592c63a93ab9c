package org.switchboard.pbx.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.admin.AdminRole;
import org.switchboard.store.admin.AdminToken;
import org.switchboard.store.admin.AdminTokenStore;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.admin.AdminUserStore;
import org.switchboard.store.admin.LoginAuditStore;
import org.switchboard.store.admin.LoginResult;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Admin accounts and their sessions: the first admin on an empty database, login with throttling
 * of repeated failures and a second factor when the account has one, an audit line per attempt,
 * bearer tokens (256 random bits, base64url; only their SHA-256 is stored,
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

    /** Where each login attempt's outcome goes: the audit table, or nowhere for tools that keep none. */
    @FunctionalInterface
    private interface AttemptLog {
        void record(String username, String address, LoginResult result);
    }

    private final AdminUserStore users;
    private final AdminTokenStore tokens;
    private final SecondFactor secondFactor;
    private final AttemptLog attempts;
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

    /** Password-only logins without an audit: for command-line tools and tests that need neither. */
    public AdminAuthService(AdminUserStore users, AdminTokenStore tokens, Argon2PasswordHasher hasher,
                            AuthPolicy policy, Clock clock) {
        this(users, tokens, SecondFactor.NONE, (username, address, result) -> { }, hasher, policy, clock);
    }

    /** Logins that ask {@code secondFactor} after the password and record every attempt in {@code audit}. */
    public AdminAuthService(AdminUserStore users, AdminTokenStore tokens, SecondFactor secondFactor, LoginAuditStore audit,
                            Argon2PasswordHasher hasher, AuthPolicy policy, Clock clock) {
        this(users, tokens, secondFactor, (username, address, result) -> audit.record(username, address, result, clock.instant()),
                hasher, policy, clock);
    }

    private AdminAuthService(AdminUserStore users, AdminTokenStore tokens, SecondFactor secondFactor, AttemptLog attempts,
                             Argon2PasswordHasher hasher, AuthPolicy policy, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.attempts = attempts;
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
        checkPassword(password, "admin.password");
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
        return login(username, password, Optional.empty(), clientAddress);
    }

    /**
     * {@link #login(String, String, String)} with the second factor: after the right password, an
     * account with TOTP on needs {@code code} (a current code or an unused recovery code), else
     * {@link MfaRequiredException}; a wrong code is {@link InvalidSecondFactorException} and counts
     * as a failed login for the throttle. Every outcome is recorded in the audit before it is answered.
     */
    public IssuedToken login(String username, String password, Optional<String> code, String clientAddress) {
        Optional<Duration> wait = throttle.waitBefore(username, clientAddress);
        if (wait.isPresent()) {
            attempts.record(username, clientAddress, LoginResult.THROTTLED);
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
            attempts.record(username, clientAddress, LoginResult.INVALID_CREDENTIALS);
            boolean nowBlocked = throttle.recordFailure(username, clientAddress);
            log.warn("admin login failed username={} address={}", username, clientAddress);
            if (nowBlocked) {
                log.warn("admin logins blocked for this address after repeated failures username={} address={} for={}",
                        username, clientAddress, policy.failureWindow());
            }
            throw new InvalidCredentialsException();
        }
        switch (secondFactor.check(user.get(), code)) {
            case NOT_ENROLLED, PASSED -> { }
            case MISSING -> {
                attempts.record(username, clientAddress, LoginResult.MFA_REQUIRED);
                throw new MfaRequiredException();
            }
            case WRONG -> {
                attempts.record(username, clientAddress, LoginResult.INVALID_MFA);
                throttle.recordFailure(username, clientAddress);
                log.warn("admin login second factor failed username={} address={}", username, clientAddress);
                throw new InvalidSecondFactorException();
            }
        }
        throttle.recordSuccess(username, clientAddress);
        attempts.record(username, clientAddress, LoginResult.SUCCESS);
        String token = randomToken(TOKEN_BYTES);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.tokenLifetime());
        AdminRole role = user.get().role();
        tokens.create(user.get().id(), sha256(token), expiresAt, now);
        knownSessions.put(sha256(token), new AdminSession(username, role, false, expiresAt));
        log.info("admin logged in username={} role={} address={} expires_at={}", username, role.wireName(), clientAddress, expiresAt);
        return new IssuedToken(token, role, expiresAt);
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
            session = tokens.findValid(hash, now).map(t -> new AdminSession(t.username(), t.effectiveRole(), t.isApiToken(), t.expiresAt()));
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
        checkPassword(newPassword, "password");
        AdminUser user = users.findByUsername(Fields.required(username, "username"))
                .orElseThrow(() -> new NotFoundException("admin", username));
        users.changePassword(user.id(), hasher.hash(newPassword), clock.instant());
        knownSessions.values().removeIf(s -> s.username().equals(user.username()));
        int revoked = tokens.deleteForUser(user.id());
        watchers.endUser(user.username());
        log.info("admin password reset username={} tokens_revoked={} by={}", username, revoked, actor);
        return revoked;
    }

    /**
     * Issues an API token for a script of {@code caller}'s account, named {@code name}, acting at
     * most as {@code scope}, valid for {@code lifetime}. The scope cannot exceed the role the caller
     * acts in now (400 on {@code scope}), so no token can mint a more powerful one. The plain token
     * is in the result only.
     */
    public IssuedApiToken issueApiToken(AdminSession caller, String name, AdminRole scope, Duration lifetime) {
        Fields.check(scope.narrowedTo(caller.role()) == scope, "scope",
                "cannot exceed the role you act in (" + caller.role().wireName() + ")");
        AdminUser user = users.findByUsername(caller.username()).orElseThrow(() -> new NotFoundException("admin", caller.username()));
        String token = randomToken(TOKEN_BYTES);
        Instant now = clock.instant();
        AdminToken stored = tokens.createApiToken(user.id(), sha256(token), name, scope, now.plus(lifetime), now);
        log.info("admin api token issued username={} id={} scope={} expires_at={}", user.username(), stored.id(),
                scope.wireName(), stored.expiresAt());
        return new IssuedApiToken(stored, token);
    }

    /** The API tokens of {@code username} that have not expired, newest first. */
    public List<AdminToken> apiTokens(String username) {
        AdminUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("admin", username));
        return tokens.listApiTokens(user.id(), clock.instant());
    }

    /** Revokes API token {@code id} of {@code username}; {@link NotFoundException} when the account has no such token. */
    public void revokeApiToken(String username, long id) {
        AdminUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("admin", username));
        if (!tokens.deleteApiToken(user.id(), id)) {
            throw new NotFoundException("api token", Long.toString(id));
        }
        log.info("admin api token revoked username={} id={}", username, id);
    }

    /**
     * Forgets the sessions of an admin whose account was deleted (its tokens went with it): the
     * ones remembered for outages, and the answers watching them on this node end.
     */
    public void endSessionsOf(String username) {
        knownSessions.values().removeIf(s -> s.username().equals(username));
        watchers.endUser(username);
    }

    /** {@code ValidationException} on {@code field} unless the password is long enough. */
    static void checkPassword(String password, String field) {
        Fields.check(password != null && password.length() >= MIN_PASSWORD, field,
                "must be at least " + MIN_PASSWORD + " characters");
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
