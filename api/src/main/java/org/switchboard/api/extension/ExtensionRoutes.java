package org.switchboard.api.extension;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;

/**
 * CRUD for extensions over HTTP, translating to {@link ExtensionService} calls; the service holds
 * every rule. Handlers run on virtual threads; the service is thread-safe.
 */
public final class ExtensionRoutes implements Routes {
    private final ExtensionService extensions;

    public ExtensionRoutes(ExtensionService extensions) {
        this.extensions = extensions;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/extensions", this::create);
        routes.get("/api/extensions", this::list);
        routes.get("/api/extensions/{number}", this::get);
        routes.put("/api/extensions/{number}", this::update);
        routes.delete("/api/extensions/{number}", this::delete);
    }

    @Override
    public String openApiResource() {
        return "openapi/extension.json";
    }

    private void create(Context ctx) {
        ExtensionBody body = Json.read(ctx, ExtensionBody.class);
        Extension saved = extensions.create(body.toInput(body.number()), actor(ctx));
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/api/extensions/" + saved.number())
                .json(ExtensionView.of(saved));
    }

    private void list(Context ctx) {
        ctx.json(extensions.list().stream().map(ExtensionView::of).toList());
    }

    private void get(Context ctx) {
        ctx.json(ExtensionView.of(extensions.get(ctx.pathParam("number"))));
    }

    private void update(Context ctx) {
        String number = ctx.pathParam("number");
        ExtensionBody body = Json.read(ctx, ExtensionBody.class);
        if (body.number() != null && !body.number().equals(number)) {
            throw new ValidationException("number", "cannot be changed; it must match the path or be omitted");
        }
        ctx.json(ExtensionView.of(extensions.update(number, body.toInput(number), actor(ctx))));
    }

    private void delete(Context ctx) {
        extensions.delete(ctx.pathParam("number"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
