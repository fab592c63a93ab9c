package org.switchboard.api.registrar;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.registrar.LocationService;

/**
 * {@code GET /api/registrations}: the live bindings from the location service (memory, no SQL),
 * optionally for one extension ({@code ?extension=1001}). Handlers run on virtual threads; the
 * location service is thread-safe.
 */
public final class RegistrationRoutes implements Routes {
    private final LocationService location;

    public RegistrationRoutes(LocationService location) {
        this.location = location;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/registrations", this::list);
    }

    @Override
    public String openApiResource() {
        return "openapi/registrar.json";
    }

    private void list(Context ctx) {
        String extension = ctx.queryParam("extension");
        var bindings = extension == null || extension.isBlank() ? location.all() : location.lookup(extension.strip());
        ctx.json(bindings.stream().map(RegistrationView::of).toList());
    }
}
