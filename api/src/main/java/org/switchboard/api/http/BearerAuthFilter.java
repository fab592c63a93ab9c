package org.switchboard.api.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.AdminSession;

/**
 * Requires {@code Authorization: Bearer <token>} on every {@code /api} route except the few that
 * must work without a session (health, login), and refuses with 403 what the token's role may not
 * do ({@link RolePolicy}): the one place roles are enforced. A valid token puts the admin's
 * session on the request for handlers and logs. Runs on the request's thread.
 */
public final class BearerAuthFilter {
    private static final String ATTRIBUTE = "sb.admin";
    private static final String PREFIX = "Bearer ";
    private static final Set<String> PUBLIC = Set.of("/api/health", "/api/auth/login");

    private final AdminAuthService auth;

    public BearerAuthFilter(AdminAuthService auth) {
        this.auth = auth;
    }

    /**
     * Before-handler for {@code /api/*}: throws {@link UnauthorizedException} (401) without a valid
     * token, {@link ForbiddenException} (403) when its role may not send this method to this path.
     */
    public void check(Context ctx) {
        if (PUBLIC.contains(ctx.path())) {
            return;
        }
        String token = bearerToken(ctx).orElseThrow(() -> new UnauthorizedException("a bearer token is required"));
        AdminSession session = auth.authenticate(token)
                .orElseThrow(() -> new UnauthorizedException("the token is invalid or expired"));
        if (!RolePolicy.permits(session.role(), ctx.method().name(), ctx.path())) {
            throw new ForbiddenException("the role " + session.role().wireName() + " may not " + ctx.method().name()
                    + " " + ctx.path());
        }
        if (session.apiToken() && !RolePolicy.permitsApiToken(ctx.path())) {
            throw new ForbiddenException("an API token cannot manage second factors or tokens; log in to do that");
        }
        ctx.attribute(ATTRIBUTE, session);
    }

    /** The bearer token of the request, if it carries one. */
    public static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).strip());
    }

    /** The admin session the filter accepted for this request. */
    public static Optional<AdminSession> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Who made the request, for logs: {@code admin:<username>}, or {@code api} without a session. */
    public static String actor(Context ctx) {
        return session(ctx).map(AdminSession::username).map(u -> "admin:" + u).orElse("api");
    }
}
