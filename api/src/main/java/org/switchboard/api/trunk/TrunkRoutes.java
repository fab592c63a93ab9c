package org.switchboard.api.trunk;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.trunk.TrunkLines;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.trunk.SipTrunk;

/**
 * SIP trunks over HTTP ({@code GET|POST /api/trunks}, {@code GET|PUT|DELETE /api/trunks/{name}}),
 * translating to {@link TrunkService} calls and adding each trunk's live state from {@link
 * TrunkLines}. A change re-registers the trunk at once (the service tells the lines). Handlers
 * run on virtual threads; both services are thread-safe.
 */
public final class TrunkRoutes implements Routes {
    private static final String PATH = "/api/trunks";

    private final TrunkService trunks;
    private final TrunkLines lines;

    public TrunkRoutes(TrunkService trunks, TrunkLines lines) {
        this.trunks = trunks;
        this.lines = lines;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::create);
        routes.get(PATH + "/{name}", this::get);
        routes.put(PATH + "/{name}", this::update);
        routes.delete(PATH + "/{name}", this::delete);
    }

    @Override
    public String openApiResource() {
        return "openapi/trunks.json";
    }

    private void list(Context ctx) {
        ctx.json(trunks.list().stream().map(this::view).toList());
    }

    private void get(Context ctx) {
        ctx.json(view(trunks.get(ctx.pathParam("name"))));
    }

    private void create(Context ctx) {
        TrunkBody body = Json.read(ctx, TrunkBody.class);
        SipTrunk saved = trunks.create(body.toInput(null), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + saved.name()).json(view(saved));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        TrunkBody body = Json.read(ctx, TrunkBody.class);
        ctx.json(view(trunks.update(name, body.toInput(name), actor(ctx))));
    }

    private void delete(Context ctx) {
        trunks.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private TrunkView view(SipTrunk trunk) {
        return TrunkView.of(trunk, lines.state(trunk));
    }
}
