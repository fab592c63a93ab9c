package org.switchboard.pbx.admin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.admin.AdminRole;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.admin.AdminUserStore;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;

/**
 * The admin accounts as administrators manage them: list, create with a role, change role or
 * password, delete. The store keeps at least one administrator (409 otherwise); a new password
 * or a deletion ends the account's sessions through {@link AdminAuthService}. Thread-safe; call
 * from request or virtual threads (password hashing and database work).
 */
public final class AdminAccounts {
    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);
    /** Letters, digits and . _ @ - : safe in logs, URLs and the otpauth label. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final AdminUserStore users;
    private final AdminAuthService auth;
    private final Argon2PasswordHasher hasher;
    private final Clock clock;

    public AdminAccounts(AdminUserStore users, AdminAuthService auth, Argon2PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.auth = auth;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Every account, ordered by username. */
    public List<AdminUser> list() {
        return users.list();
    }

    /** The account; {@link NotFoundException} if absent. */
    public AdminUser get(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("admin", username));
    }

    /** A new account; 400 naming {@code username} or {@code password}, 409 on {@code username} if taken. */
    public AdminUser create(String username, String password, AdminRole role, String actor) {
        Fields.check(username != null && USERNAME.matcher(username).matches(), "username",
                "must be 1-100 letters, digits or . _ @ -");
        AdminAuthService.checkPassword(password, "password");
        AdminUser created = users.create(username, hasher.hash(password), role, clock.instant());
        log.info("admin account created username={} role={} by={}", username, role.wireName(), actor);
        return created;
    }

    /**
     * Changes the role and/or the password (empty = unchanged). Demoting the last administrator is
     * a 409 on {@code role}; a new password revokes the account's tokens.
     */
    public AdminUser update(String username, Optional<AdminRole> role, Optional<String> password, String actor) {
        AdminUser user = get(username);
        password.ifPresent(p -> AdminAuthService.checkPassword(p, "password"));
        if (role.isPresent() && role.get() != user.role()) {
            users.changeRole(user.id(), role.get(), clock.instant());
            log.info("admin account role changed username={} from={} to={} by={}", username, user.role().wireName(),
                    role.get().wireName(), actor);
        }
        password.ifPresent(p -> auth.resetPassword(username, p, actor));
        return get(username);
    }

    /** Deletes the account and ends its sessions; deleting the last administrator is a 409 on {@code username}. */
    public void delete(String username, String actor) {
        users.delete(get(username).id());
        auth.endSessionsOf(username);
        log.info("admin account deleted username={} by={}", username, actor);
    }
}
