package org.switchboard.api.ivr;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.ivr.AttendantService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ivr.Menu;

/**
 * The auto attendant's menus and settings over HTTP, translating to {@link AttendantService}
 * calls; the service holds every rule. Handlers run on virtual threads; the service is thread-safe.
 */
public final class AttendantRoutes implements Routes {
    private static final String MENUS = "/api/ivr/menus";

    private final AttendantService attendant;

    public AttendantRoutes(AttendantService attendant) {
        this.attendant = attendant;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(MENUS, this::list);
        routes.post(MENUS, this::create);
        routes.get(MENUS + "/{name}", this::get);
        routes.put(MENUS + "/{name}", this::update);
        routes.delete(MENUS + "/{name}", this::delete);
        routes.get("/api/ivr/settings", ctx -> ctx.json(SettingsBody.of(attendant.settings())));
        routes.put("/api/ivr/settings", this::saveSettings);
    }

    @Override
    public String openApiResource() {
        return "openapi/ivr.json";
    }

    private void list(Context ctx) {
        ctx.json(attendant.menus().stream().map(MenuView::of).toList());
    }

    private void create(Context ctx) {
        MenuBody body = Json.read(ctx, MenuBody.class);
        Menu saved = attendant.create(body.toMenu(body.name()), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", MENUS + "/" + saved.name()).json(MenuView.of(saved));
    }

    private void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.json(MenuView.of(attendant.menu(name).orElseThrow(() -> new NotFoundException("menu", name))));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        MenuBody body = Json.read(ctx, MenuBody.class);
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed; it must match the path or be omitted");
        }
        ctx.json(MenuView.of(attendant.update(name, body.toMenu(name), actor(ctx))));
    }

    private void delete(Context ctx) {
        attendant.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void saveSettings(Context ctx) {
        ctx.json(SettingsBody.of(attendant.saveSettings(Json.read(ctx, SettingsBody.class).toSettings(), actor(ctx))));
    }
}
