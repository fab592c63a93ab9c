package org.switchboard.api.emergency;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.emergency.EmergencyService;

/**
 * Emergency calling over HTTP: the settings ({@code GET|PUT /api/emergency}), every saved location
 * ({@code GET /api/emergency/locations}) and one extension's ({@code GET|PUT|DELETE
 * /api/extensions/{number}/location}), translating to {@link EmergencyService} calls. Changing them
 * is for administrators ({@code RolePolicy}). Handlers run on virtual threads; the service is
 * thread-safe.
 */
public final class EmergencyRoutes implements Routes {
    private static final String SETTINGS = "/api/emergency";
    private static final String LOCATION = "/api/extensions/{number}/location";

    private final EmergencyService service;

    public EmergencyRoutes(EmergencyService service) {
        this.service = service;
    }

    @Override
    public void register(JavalinDefaultRoutingApi api) {
        api.get(SETTINGS, ctx -> ctx.json(EmergencyView.of(service.settings())));
        api.put(SETTINGS, ctx -> ctx.json(EmergencyView.of(
                service.saveSettings(Json.read(ctx, EmergencyBody.class).toSettings(), actor(ctx)))));
        api.get(SETTINGS + "/locations", ctx -> ctx.json(service.locations().stream().map(LocationView::of).toList()));
        api.get(LOCATION, ctx -> ctx.json(LocationView.of(service.get(ctx.pathParam("number")))));
        api.put(LOCATION, ctx -> {
            String number = ctx.pathParam("number");
            ctx.json(LocationView.of(service.saveLocation(number, Json.read(ctx, LocationBody.class).toAddress(),
                    actor(ctx))));
        });
        api.delete(LOCATION, ctx -> {
            service.deleteLocation(ctx.pathParam("number"), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/emergency.json";
    }
}
