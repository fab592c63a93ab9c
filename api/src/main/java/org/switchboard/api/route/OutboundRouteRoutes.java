package org.switchboard.api.route;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.route.LcrRateService;
import org.switchboard.pbx.route.OutboundRouteService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.route.LcrRate;
import org.switchboard.store.route.OutboundRoute;

/**
 * Outbound routes ({@code GET|POST /api/outbound-routes}, {@code GET|PUT|DELETE
 * /api/outbound-routes/{name}}) and their rates ({@code GET|POST /api/lcr-rates}, {@code
 * GET|PUT|DELETE /api/lcr-rates/{id}}) over HTTP, translating to {@link OutboundRouteService} and
 * {@link LcrRateService} calls. Handlers run on virtual threads; both services are thread-safe.
 */
public final class OutboundRouteRoutes implements Routes {
    private static final String ROUTES = "/api/outbound-routes";
    private static final String RATES = "/api/lcr-rates";

    private final OutboundRouteService routes;
    private final LcrRateService rates;

    public OutboundRouteRoutes(OutboundRouteService routes, LcrRateService rates) {
        this.routes = routes;
        this.rates = rates;
    }

    @Override
    public void register(JavalinDefaultRoutingApi api) {
        api.get(ROUTES, ctx -> ctx.json(routes.list().stream().map(OutboundRouteView::of).toList()));
        api.post(ROUTES, this::createRoute);
        api.get(ROUTES + "/{name}", ctx -> ctx.json(OutboundRouteView.of(routes.get(ctx.pathParam("name")))));
        api.put(ROUTES + "/{name}", this::updateRoute);
        api.delete(ROUTES + "/{name}", ctx -> {
            routes.delete(ctx.pathParam("name"), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        api.get(RATES, ctx -> ctx.json(rates.list().stream().map(LcrRateView::of).toList()));
        api.post(RATES, this::createRate);
        api.get(RATES + "/{id}", ctx -> ctx.json(LcrRateView.of(rates.get(id(ctx)))));
        api.put(RATES + "/{id}", ctx -> {
            long id = id(ctx);
            ctx.json(LcrRateView.of(rates.update(id, Json.read(ctx, LcrRateBody.class).toRate(), actor(ctx))));
        });
        api.delete(RATES + "/{id}", ctx -> {
            rates.delete(id(ctx), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/outbound-routes.json";
    }

    private void createRoute(Context ctx) {
        OutboundRoute saved = routes.create(Json.read(ctx, OutboundRouteBody.class).toRoute(null), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", ROUTES + "/" + saved.name()).json(OutboundRouteView.of(saved));
    }

    private void updateRoute(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.json(OutboundRouteView.of(routes.update(name, Json.read(ctx, OutboundRouteBody.class).toRoute(name), actor(ctx))));
    }

    private void createRate(Context ctx) {
        LcrRate saved = rates.create(Json.read(ctx, LcrRateBody.class).toRate(), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", RATES + "/" + saved.id()).json(LcrRateView.of(saved));
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("rate", text);
        }
    }
}
