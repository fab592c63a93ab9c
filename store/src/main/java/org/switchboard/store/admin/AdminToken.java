package org.switchboard.store.admin;

import java.time.Instant;

/** A stored admin bearer token (only its SHA-256 is kept), with the username it belongs to. Immutable; any thread. */
public record AdminToken(long id, long adminUserId, String username, Instant expiresAt, Instant createdAt) {}
