package org.switchboard.api.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminAuthService;

/** Admin login (with the second factor when the account has one) and logout over HTTP. Handlers run on virtual threads; the service is thread-safe. */
public final class AuthRoutes implements Routes {
    private final AdminAuthService auth;

    public AuthRoutes(AdminAuthService auth) {
        this.auth = auth;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/logout", this::logout);
    }

    @Override
    public String openApiResource() {
        return "openapi/auth.json";
    }

    private void login(Context ctx) {
        LoginBody body = Json.read(ctx, LoginBody.class);
        ctx.json(TokenView.of(auth.login(body.username(), body.password(), body.secondFactor(), ctx.ip())));
    }

    private void logout(Context ctx) {
        // The auth filter has already accepted this token, so it is present and valid.
        BearerAuthFilter.bearerToken(ctx).ifPresent(auth::logout);
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
