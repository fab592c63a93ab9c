package org.switchboard.api.followme;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.followme.FollowMeService;

/**
 * An extension's follow-me over HTTP, translating to {@link FollowMeService} calls; the service
 * holds every rule. Handlers run on virtual threads; the service is thread-safe.
 */
public final class FollowMeRoutes implements Routes {
    private static final String PATH = "/api/extensions/{number}/follow-me";

    private final FollowMeService followMe;

    public FollowMeRoutes(FollowMeService followMe) {
        this.followMe = followMe;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, ctx -> ctx.json(FollowMeView.of(ctx.pathParam("number"), followMe.get(ctx.pathParam("number")))));
        routes.put(PATH, this::put);
    }

    @Override
    public String openApiResource() {
        return "openapi/follow-me.json";
    }

    private void put(Context ctx) {
        String number = ctx.pathParam("number");
        FollowMeBody body = Json.read(ctx, FollowMeBody.class);
        ctx.json(FollowMeView.of(number, followMe.put(number, body.toFollowMe(), actor(ctx))));
    }
}
