package org.switchboard.api.route;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.route.InboundRouteService;
import org.switchboard.store.route.InboundRoute;

/**
 * Inbound routes over HTTP ({@code GET|POST /api/inbound-routes}, {@code GET|PUT|DELETE
 * /api/inbound-routes/{did}}), translating to {@link InboundRouteService} calls. Handlers run on
 * virtual threads; the service is thread-safe.
 */
public final class InboundRouteRoutes implements Routes {
    private static final String PATH = "/api/inbound-routes";

    private final InboundRouteService routes;

    public InboundRouteRoutes(InboundRouteService routes) {
        this.routes = routes;
    }

    @Override
    public void register(JavalinDefaultRoutingApi api) {
        api.get(PATH, ctx -> ctx.json(routes.list().stream().map(InboundRouteView::of).toList()));
        api.post(PATH, this::create);
        api.get(PATH + "/{did}", ctx -> ctx.json(InboundRouteView.of(routes.get(ctx.pathParam("did")))));
        api.put(PATH + "/{did}", ctx -> {
            String did = ctx.pathParam("did");
            ctx.json(InboundRouteView.of(routes.update(did, Json.read(ctx, InboundRouteBody.class).toRoute(did), actor(ctx))));
        });
        api.delete(PATH + "/{did}", ctx -> {
            routes.delete(ctx.pathParam("did"), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/inbound-routes.json";
    }

    private void create(Context ctx) {
        InboundRoute saved = routes.create(Json.read(ctx, InboundRouteBody.class).toRoute(null), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + saved.did()).json(InboundRouteView.of(saved));
    }
}
