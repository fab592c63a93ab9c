package org.switchboard.api.health;

/**
 * Response body of {@code GET /api/health}: {@code {"status","database","version","uptime_seconds"}},
 * plus {@code "reason"} when the status is not {@code ok}.
 *
 * @param status        {@code ok}; {@code degraded} while a database fault lasts (the node still
 *                      serves calls and reads from memory, writes fail); {@code unavailable} when
 *                      the database cannot be used and no fault explains it (a stopping node)
 * @param reason        the fault in words, e.g. "the disk holding the database is full (...)"; null when ok
 * @param uptimeSeconds whole seconds since this server process started
 */
public record HealthView(String status, String database, String version, long uptimeSeconds, String reason) {}
