package org.switchboard.api.route;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.route.TimeRuleService;
import org.switchboard.store.route.TimeRule;

/**
 * Time rules over HTTP ({@code GET|POST /api/time-rules}, {@code GET|PUT|DELETE
 * /api/time-rules/{name}}), translating to {@link TimeRuleService} calls. Handlers run on
 * virtual threads; the service is thread-safe.
 */
public final class TimeRuleRoutes implements Routes {
    private static final String PATH = "/api/time-rules";

    private final TimeRuleService rules;

    public TimeRuleRoutes(TimeRuleService rules) {
        this.rules = rules;
    }

    @Override
    public void register(JavalinDefaultRoutingApi api) {
        api.get(PATH, ctx -> ctx.json(rules.list().stream().map(TimeRuleView::of).toList()));
        api.post(PATH, this::create);
        api.get(PATH + "/{name}", ctx -> ctx.json(TimeRuleView.of(rules.get(ctx.pathParam("name")))));
        api.put(PATH + "/{name}", ctx -> {
            String name = ctx.pathParam("name");
            ctx.json(TimeRuleView.of(rules.update(name, Json.read(ctx, TimeRuleBody.class).toRule(name), actor(ctx))));
        });
        api.delete(PATH + "/{name}", ctx -> {
            rules.delete(ctx.pathParam("name"), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/time-rules.json";
    }

    private void create(Context ctx) {
        TimeRule saved = rules.create(Json.read(ctx, TimeRuleBody.class).toRule(null), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + saved.name()).json(TimeRuleView.of(saved));
    }
}
