package org.switchboard.api.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.switchboard.pbx.admin.AdminAuthService;

/**
 * Who may read {@code /metrics}, which shows login failures and per-route activity: a scraper
 * presenting the configured metrics token ({@code http.metrics_token}) as a bearer token, or a
 * logged-in admin. Without a configured token, scrapers on this host (loopback addresses) are let
 * in without one, the way Prometheus exporters are commonly bound, and every other address is
 * refused with a hint. A loopback request that carries forwarding headers came through a reverse
 * proxy on this host and is treated as remote. Thread-safe (immutable); runs on the request's thread.
 */
final class MetricsAccess {
    private final Optional<byte[]> token;
    private final AdminAuthService auth;

    MetricsAccess(Optional<String> token, AdminAuthService auth) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.auth = auth;
    }

    /** Before-handler for {@code /metrics}: throws 401 or 403 unless the caller may read it. */
    void check(Context ctx) {
        Optional<String> presented = BearerAuthFilter.bearerToken(ctx);
        if (presented.isPresent() && (matchesToken(presented.get()) || auth.authenticate(presented.get()).isPresent())) {
            return;
        }
        if (token.isEmpty() && isLoopback(ctx.req().getRemoteAddr()) && !isForwarded(ctx)) {
            return;
        }
        if (token.isEmpty()) {
            throw new ForbiddenResponse("metrics are served to this host only; set http.metrics_token to scrape from elsewhere");
        }
        throw new UnauthorizedException("the metrics token is required as a bearer token");
    }

    private boolean matchesToken(String presented) {
        // Constant time, so the token cannot be found byte by byte from response times.
        return token.filter(t -> MessageDigest.isEqual(t, presented.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    private static boolean isForwarded(Context ctx) {
        return ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null || ctx.header("X-Real-IP") != null;
    }

    /** Whether {@code address} (a literal IP, as the servlet API gives it) is a loopback address. */
    static boolean isLoopback(String address) {
        try {
            return InetAddress.ofLiteral(address).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
