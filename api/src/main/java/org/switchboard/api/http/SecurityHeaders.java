package org.switchboard.api.http;

import io.javalin.http.Context;

/**
 * Response headers every answer carries: no MIME sniffing, no framing (clickjacking), no referrer
 * leak, no caching of API answers that may hold configuration. Runs on the request's thread.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {}

    /** Before-handler: sets the headers so error responses carry them too. */
    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
