package org.switchboard.api.callsettings;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminSession;
import org.switchboard.pbx.callsettings.CallSettingsService;

/**
 * An extension's call settings over HTTP ({@code GET|PUT /api/extensions/{number}/call-settings}),
 * translating to {@link CallSettingsService} calls; the service holds every rule. Handlers run on
 * virtual threads; the service is thread-safe.
 */
public final class CallSettingsRoutes implements Routes {
    private static final String PATH = "/api/extensions/{number}/call-settings";

    private final CallSettingsService settings;

    public CallSettingsRoutes(CallSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::get);
        routes.put(PATH, this::put);
    }

    @Override
    public String openApiResource() {
        return "openapi/callsettings.json";
    }

    private void get(Context ctx) {
        ctx.json(CallSettingsView.of(settings.get(ctx.pathParam("number"))));
    }

    private void put(Context ctx) {
        CallSettingsBody body = Json.read(ctx, CallSettingsBody.class);
        String actor = BearerAuthFilter.session(ctx).map(AdminSession::username).map(u -> "admin:" + u).orElse("api");
        ctx.json(CallSettingsView.of(settings.update(ctx.pathParam("number"), body.toValues(), actor)));
    }
}
