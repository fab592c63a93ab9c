package org.switchboard.api.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.api.http.UnauthorizedException;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.AdminSession;
import org.switchboard.pbx.admin.IssuedApiToken;
import org.switchboard.store.admin.AdminRole;
import org.switchboard.store.admin.AdminToken;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The logged-in admin's API tokens for scripts: list, issue with a name, a scope (at most the
 * caller's role) and a lifetime in days, revoke. Only from a login session (the bearer filter
 * refuses API tokens here). Handlers run on virtual threads; the service is thread-safe.
 */
public final class ApiTokenRoutes implements Routes {
    private static final String TOKENS = "/api/auth/tokens";
    private static final int MAX_DAYS = 366;

    private final AdminAuthService auth;

    public ApiTokenRoutes(AdminAuthService auth) {
        this.auth = auth;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(TOKENS, ctx -> ctx.json(auth.apiTokens(session(ctx).username()).stream().map(ApiTokenView::of).toList()));
        routes.post(TOKENS, this::issue);
        routes.delete(TOKENS + "/{id}", this::revoke);
    }

    @Override
    public String openApiResource() {
        return "openapi/api-tokens.json";
    }

    /** Request body of {@code POST /api/auth/tokens}. */
    public record ApiTokenBody(String name, String scope, Integer expiresInDays) {
        public ApiTokenBody {
            name = Fields.required(name, "name");
            Fields.check(name.length() <= 100, "name", "must be at most 100 characters");
            Fields.required(scope, "scope");
            Fields.check(expiresInDays != null && expiresInDays >= 1 && expiresInDays <= MAX_DAYS, "expires_in_days",
                    "must be between 1 and " + MAX_DAYS);
        }
    }

    /** A stored API token, never its value. */
    public record ApiTokenView(long id, String name, String scope, Instant expiresAt, Instant createdAt) {
        static ApiTokenView of(AdminToken t) {
            return new ApiTokenView(t.id(), t.name().orElse(""), t.effectiveRole().wireName(), t.expiresAt(), t.createdAt());
        }
    }

    /** A token just issued: the only answer that carries its value. */
    public record IssuedApiTokenView(long id, String name, String scope, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedApiTokenView[id=" + id + ", token=***]";
        }
    }

    private void issue(Context ctx) {
        ApiTokenBody body = Json.read(ctx, ApiTokenBody.class);
        IssuedApiToken issued = auth.issueApiToken(session(ctx), body.name(), AdminRole.fromWire(body.scope(), "scope"),
                Duration.ofDays(body.expiresInDays()));
        AdminToken t = issued.stored();
        ctx.status(HttpStatus.CREATED).header("Location", TOKENS + "/" + t.id())
                .json(new IssuedApiTokenView(t.id(), body.name(), t.scope().orElseThrow().wireName(), issued.token(), t.expiresAt()));
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ValidationException("id", "must be a whole number");
        }
        auth.revokeApiToken(session(ctx).username(), id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static AdminSession session(Context ctx) {
        return BearerAuthFilter.session(ctx).orElseThrow(() -> new UnauthorizedException("a bearer token is required"));
    }
}
