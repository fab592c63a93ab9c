package org.switchboard.api.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Response headers every answer carries: no MIME sniffing, no framing (clickjacking), no referrer
 * leak, no caching of API answers that may hold configuration. Applied by a before-handler to
 * every routed answer and by {@link JsonErrorHandler} and {@link MethodGate} to the answers Jetty
 * gives before any route runs, so no response goes out without them. Runs on the request's thread.
 */
public final class SecurityHeaders {
    private static final Map<String, String> ALWAYS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
            "Cross-Origin-Opener-Policy", "same-origin");

    private SecurityHeaders() {}

    /** Before-handler: sets the headers so error responses carry them too. */
    public static void apply(Context ctx) {
        apply(ctx.path(), ctx::header);
    }

    /** Sets the headers through {@code header} (name, value) for a response to {@code path}. */
    static void apply(String path, BiConsumer<String, String> header) {
        ALWAYS.forEach(header);
        if (path.startsWith("/api/")) {
            header.accept("Cache-Control", "no-store");
        }
    }
}
