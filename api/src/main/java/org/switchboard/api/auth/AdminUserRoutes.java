package org.switchboard.api.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminAccounts;
import org.switchboard.pbx.admin.LoginHistory;
import org.switchboard.pbx.admin.TotpService;
import org.switchboard.store.admin.AdminRole;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * Admin accounts, their second factor's reset, and the login audit, for administrators only (the
 * {@link org.switchboard.api.http.RolePolicy} closes {@code /api/admin} to other roles). Handlers
 * run on virtual threads; the services are thread-safe.
 */
public final class AdminUserRoutes implements Routes {
    private static final String USERS = "/api/admin/users";
    private static final String USER = USERS + "/{username}";
    private static final int DEFAULT_LIMIT = 100;

    private final AdminAccounts accounts;
    private final TotpService totp;
    private final LoginHistory logins;

    public AdminUserRoutes(AdminAccounts accounts, TotpService totp, LoginHistory logins) {
        this.accounts = accounts;
        this.totp = totp;
        this.logins = logins;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(USERS, this::list);
        routes.post(USERS, this::create);
        routes.get(USER, ctx -> ctx.json(view(accounts.get(ctx.pathParam("username")))));
        routes.put(USER, this::update);
        routes.delete(USER, this::delete);
        routes.delete(USER + "/mfa", this::resetMfa);
        routes.get("/api/admin/logins", this::logins);
    }

    @Override
    public String openApiResource() {
        return "openapi/admin-users.json";
    }

    private void list(Context ctx) {
        ctx.json(accounts.list().stream().map(this::view).toList());
    }

    private void create(Context ctx) {
        AdminUserBody body = Json.read(ctx, AdminUserBody.class);
        Fields.required(body.username(), "username");
        Fields.required(body.password(), "password");
        AdminRole role = body.adminRole().orElseThrow(() -> new ValidationException("role", "is required"));
        AdminUser created = accounts.create(body.username(), body.password(), role, BearerAuthFilter.actor(ctx));
        ctx.status(HttpStatus.CREATED)
                .header("Location", USERS + "/" + URLEncoder.encode(created.username(), StandardCharsets.UTF_8))
                .json(view(created));
    }

    private void update(Context ctx) {
        String username = ctx.pathParam("username");
        AdminUserBody body = Json.read(ctx, AdminUserBody.class);
        Fields.check(body.username() == null || body.username().equals(username), "username",
                "cannot be changed; it must match the path");
        ctx.json(view(accounts.update(username, body.adminRole(), Optional.ofNullable(body.password()),
                BearerAuthFilter.actor(ctx))));
    }

    private void delete(Context ctx) {
        accounts.delete(ctx.pathParam("username"), BearerAuthFilter.actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void resetMfa(Context ctx) {
        totp.reset(accounts.get(ctx.pathParam("username")).username(), BearerAuthFilter.actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void logins(Context ctx) {
        int limit = DEFAULT_LIMIT;
        String given = ctx.queryParam("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                throw new ValidationException("limit", "must be a whole number");
            }
        }
        Optional<String> username = Optional.ofNullable(ctx.queryParam("username")).filter(u -> !u.isEmpty());
        ctx.json(logins.newest(username, limit).stream().map(LoginAttemptView::of).toList());
    }

    private AdminUserView view(AdminUser user) {
        return AdminUserView.of(user, totp.status(user.username()).totpEnabled());
    }
}
