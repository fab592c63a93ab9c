package org.switchboard.api.panel;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.api.http.Routes;

/**
 * Serves the admin panel: {@code GET /} answers the single page, {@code GET /panel/{file}} its
 * scripts and style sheet, read from the classpath folder {@code panel/}. Every answer carries
 * {@link #CONTENT_SECURITY_POLICY}. Handlers run on virtual threads and share no mutable state.
 */
public final class PanelRoutes implements Routes {
    /**
     * Same-origin only, no inline script or style, no plugins, no framing, and Trusted Types so
     * that the page cannot write HTML from strings at all (the scripts build the DOM node by node).
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            // Voicemail audio is fetched with the bearer token and played from a blob: URL.
            "media-src blob:",
            "connect-src 'self'",
            "form-action 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    private static final String FOLDER = "panel/";
    /** One path segment, lower case: nothing can climb out of the folder or reach another resource. */
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|html|svg)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml");

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        routes.get("/panel/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    @Override
    public String openApiResource() {
        return "openapi/panel.json";
    }

    private static void serve(Context ctx, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new NotFoundResponse("no such panel file");
        }
        byte[] body = read(name).orElseThrow(() -> new NotFoundResponse("no such panel file"));
        String extension = name.substring(name.lastIndexOf('.') + 1);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // Revalidate every time: an upgraded server must never run with yesterday's scripts.
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(CONTENT_TYPES.get(extension)).result(body);
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = PanelRoutes.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading panel resource " + name, e);
        }
    }
}
