package org.switchboard.pbx.admin;

import java.time.Instant;
import org.switchboard.store.admin.AdminRole;

/**
 * An authenticated admin behind a bearer token: the role it acts in (an API token's scope narrows
 * the account's role), whether it is an API token made for a script rather than a login, and its
 * expiry. Immutable.
 */
public record AdminSession(String username, AdminRole role, boolean apiToken, Instant expiresAt) {}
