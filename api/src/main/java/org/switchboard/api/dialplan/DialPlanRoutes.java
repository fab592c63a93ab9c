package org.switchboard.api.dialplan;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.DialPlanRule;

/**
 * Dial-plan rules over HTTP (CRUD on {@code /api/dialplan/rules}) and
 * {@code GET /api/dialplan/kinds} (the destination kinds rules may name) and
 * {@code GET /api/dialplan/test?from=&to=}, which shows the decision, the call plan that follows
 * from the callee's call settings and registrations, and their explanation without placing a
 * call. Translates to {@link DialPlanService} and {@link CallRouter} calls; handlers run on
 * virtual threads.
 */
public final class DialPlanRoutes implements Routes {
    private final DialPlanService dialPlan;
    private final CallRouter router;

    public DialPlanRoutes(DialPlanService dialPlan, CallRouter router) {
        this.dialPlan = dialPlan;
        this.router = router;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/dialplan/rules", this::list);
        routes.post("/api/dialplan/rules", this::create);
        routes.get("/api/dialplan/rules/{id}", this::get);
        routes.put("/api/dialplan/rules/{id}", this::update);
        routes.delete("/api/dialplan/rules/{id}", this::delete);
        routes.get("/api/dialplan/test", this::test);
        routes.get("/api/dialplan/kinds", this::kinds);
    }

    @Override
    public String openApiResource() {
        return "openapi/dialplan.json";
    }

    private void list(Context ctx) {
        ctx.json(dialPlan.list().stream().map(RuleView::of).toList());
    }

    private void create(Context ctx) {
        DialPlanRule saved = dialPlan.create(Json.read(ctx, RuleBody.class).toRule(), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/dialplan/rules/" + saved.id()).json(RuleView.of(saved));
    }

    private void get(Context ctx) {
        ctx.json(RuleView.of(dialPlan.get(id(ctx))));
    }

    private void update(Context ctx) {
        long id = id(ctx);
        ctx.json(RuleView.of(dialPlan.update(id, Json.read(ctx, RuleBody.class).toRule(), actor(ctx))));
    }

    private void delete(Context ctx) {
        dialPlan.delete(id(ctx), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void kinds(Context ctx) {
        ctx.json(dialPlan.kinds().all().stream().map(k -> new KindView(k.name(), k.description())).toList());
    }

    /** A destination kind rules may name as their action. */
    record KindView(String name, String description) {}

    private void test(Context ctx) {
        String from = required(ctx, "from");
        String to = required(ctx, "to");
        ctx.json(DecisionView.of(router.plan(from, to), dialPlan.kinds()));
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, "is required");
        }
        return value.strip();
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("dial-plan rule", text);
        }
    }
}
