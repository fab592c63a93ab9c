package org.switchboard.api.health;

/**
 * Response body of {@code GET /api/health}: {@code {"status","database","version","uptime_seconds"}}.
 *
 * @param uptimeSeconds whole seconds since this server process started
 */
public record HealthView(String status, String database, String version, long uptimeSeconds) {}
