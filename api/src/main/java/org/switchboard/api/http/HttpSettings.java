package org.switchboard.api.http;

import java.util.Optional;

/**
 * Where and how the API listens: bind address, port (0 = chosen by the OS), the largest request
 * body accepted, the version string shown in health and OpenAPI, and the certificate to answer
 * HTTPS with on the same port (empty: plain HTTP only). Immutable.
 */
public record HttpSettings(String host, int port, long maxRequestBytes, String version, Optional<TlsIdentity> tls) {
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

    /** Plain HTTP only. */
    public HttpSettings(String host, int port, long maxRequestBytes, String version) {
        this(host, port, maxRequestBytes, version, Optional.empty());
    }

    /** Settings with a 1 MiB body limit, plain HTTP only. */
    public HttpSettings(String host, int port, String version) {
        this(host, port, 1024 * 1024, version);
    }

    /** These settings answering HTTPS with {@code identity} as well as plain HTTP on the same port. */
    public HttpSettings withTls(TlsIdentity identity) {
        return new HttpSettings(host, port, maxRequestBytes, version, Optional.of(identity));
    }
}
