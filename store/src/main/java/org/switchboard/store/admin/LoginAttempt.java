package org.switchboard.store.admin;

import java.time.Instant;

/** One audited admin login attempt: the username as typed, the client address, when, and the result. Immutable; any thread. */
public record LoginAttempt(long id, String username, String address, LoginResult result, Instant at) {}
