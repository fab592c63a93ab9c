package org.switchboard.api.ringgroup;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.ringgroup.RingGroupService;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ringgroup.RingGroup;

/**
 * Ring groups over HTTP, translating to {@link RingGroupService} calls; the service holds every
 * rule. Handlers run on virtual threads; the service is thread-safe.
 */
public final class RingGroupRoutes implements Routes {
    private static final String GROUPS = "/api/ring-groups";

    private final RingGroupService groups;

    public RingGroupRoutes(RingGroupService groups) {
        this.groups = groups;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(GROUPS, ctx -> ctx.json(groups.list().stream().map(RingGroupView::of).toList()));
        routes.post(GROUPS, this::create);
        routes.get(GROUPS + "/{name}", ctx -> ctx.json(RingGroupView.of(groups.get(ctx.pathParam("name")))));
        routes.put(GROUPS + "/{name}", this::update);
        routes.delete(GROUPS + "/{name}", this::delete);
    }

    @Override
    public String openApiResource() {
        return "openapi/ring-groups.json";
    }

    private void create(Context ctx) {
        RingGroupBody body = Json.read(ctx, RingGroupBody.class);
        RingGroup saved = groups.create(body.toGroup(body.name()), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", GROUPS + "/" + saved.name()).json(RingGroupView.of(saved));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        RingGroupBody body = Json.read(ctx, RingGroupBody.class);
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed; it must match the path or be omitted");
        }
        ctx.json(RingGroupView.of(groups.update(name, body.toGroup(name), actor(ctx))));
    }

    private void delete(Context ctx) {
        groups.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
