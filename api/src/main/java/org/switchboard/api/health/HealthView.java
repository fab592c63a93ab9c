package org.switchboard.api.health;

/** Response body of {@code GET /api/health}: {@code {"status","database","version"}}. */
public record HealthView(String status, String database, String version) {}
