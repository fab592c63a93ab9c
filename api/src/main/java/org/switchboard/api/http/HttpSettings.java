package org.switchboard.api.http;

import java.util.Optional;

/**
 * Where and how the API listens: bind address, port (0 = chosen by the OS), the largest request
 * body accepted, the version string shown in health and OpenAPI, the certificate to answer HTTPS
 * with on the same port (empty: plain HTTP only), and the bearer token a metrics scraper presents
 * on {@code /metrics} (empty: only scrapers on this host, see {@link MetricsAccess}). Immutable;
 * {@link #toString()} hides the token.
 */
public record HttpSettings(String host, int port, long maxRequestBytes, String version, Optional<TlsIdentity> tls,
        Optional<String> metricsToken) {
    /** Below this a token could be guessed; the generated suggestion in the docs is 32 characters. */
    static final int MIN_METRICS_TOKEN = 16;

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
        if (metricsToken.filter(t -> t.length() < MIN_METRICS_TOKEN).isPresent()) {
            throw new IllegalArgumentException("metrics token must be at least " + MIN_METRICS_TOKEN + " characters");
        }
    }

    /** Plain HTTP only, no metrics token. */
    public HttpSettings(String host, int port, long maxRequestBytes, String version) {
        this(host, port, maxRequestBytes, version, Optional.empty(), Optional.empty());
    }

    /** Settings with a 1 MiB body limit, plain HTTP only, no metrics token. */
    public HttpSettings(String host, int port, String version) {
        this(host, port, 1024 * 1024, version);
    }

    /** These settings with {@code token} required on {@code /metrics}. */
    public HttpSettings withMetricsToken(String token) {
        return new HttpSettings(host, port, maxRequestBytes, version, tls, Optional.of(token));
    }

    /** These settings answering HTTPS with {@code identity} as well as plain HTTP on the same port. */
    public HttpSettings withTls(TlsIdentity identity) {
        return new HttpSettings(host, port, maxRequestBytes, version, Optional.of(identity), metricsToken);
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", maxRequestBytes=" + maxRequestBytes
                + ", version=" + version + ", tls=" + tls.isPresent()
                + ", metricsToken=" + (metricsToken.isPresent() ? "***" : "(none)") + "]";
    }
}
