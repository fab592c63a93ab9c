package org.switchboard.api.http;

/**
 * Where and how the API listens: bind address, port (0 = chosen by the OS), the largest request
 * body accepted, and the version string shown in health and OpenAPI. Immutable.
 */
public record HttpSettings(String host, int port, long maxRequestBytes, String version) {
    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is required");
        }
    }

    /** Settings with a 1 MiB body limit. */
    public HttpSettings(String host, int port, String version) {
        this(host, port, 1024 * 1024, version);
    }
}
