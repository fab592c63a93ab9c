package org.switchboard.pbx.admin;

import java.time.Instant;

/** An authenticated admin behind a bearer token, valid until {@code expiresAt}. Immutable. */
public record AdminSession(String username, Instant expiresAt) {}
