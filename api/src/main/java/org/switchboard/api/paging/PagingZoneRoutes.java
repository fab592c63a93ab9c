package org.switchboard.api.paging;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.paging.PagingService;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.paging.PagingZone;

/**
 * Paging zones over HTTP, translating to {@link PagingService} calls; the service holds every rule. Handlers run on
 * virtual threads; the service is thread-safe.
 */
public final class PagingZoneRoutes implements Routes {
    private static final String ZONES = "/api/paging-zones";

    private final PagingService zones;

    public PagingZoneRoutes(PagingService zones) {
        this.zones = zones;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ZONES, ctx -> ctx.json(zones.list().stream().map(PagingZoneView::of).toList()));
        routes.post(ZONES, this::create);
        routes.get(ZONES + "/{name}", ctx -> ctx.json(PagingZoneView.of(zones.get(ctx.pathParam("name")))));
        routes.put(ZONES + "/{name}", this::update);
        routes.delete(ZONES + "/{name}", this::delete);
    }

    @Override
    public String openApiResource() {
        return "openapi/paging-zones.json";
    }

    private void create(Context ctx) {
        PagingZoneBody body = Json.read(ctx, PagingZoneBody.class);
        PagingZone saved = zones.create(body.toZone(body.name()), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", ZONES + "/" + saved.name()).json(PagingZoneView.of(saved));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        PagingZoneBody body = Json.read(ctx, PagingZoneBody.class);
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed; it must match the path or be omitted");
        }
        ctx.json(PagingZoneView.of(zones.update(name, body.toZone(name), actor(ctx))));
    }

    private void delete(Context ctx) {
        zones.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
