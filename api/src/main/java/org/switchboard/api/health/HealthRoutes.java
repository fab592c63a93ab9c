package org.switchboard.api.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.switchboard.api.http.Routes;
import org.switchboard.store.db.Database;

/**
 * {@code GET /api/health} for load balancers and monitoring: 200 when the database answers, 503
 * with status "unavailable" when it does not. Needs no token. Runs on a virtual thread.
 */
public final class HealthRoutes implements Routes {
    private final Database database;
    private final String version;

    public HealthRoutes(Database database, String version) {
        this.database = database;
        this.version = version;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/health", this::health);
    }

    @Override
    public String openApiResource() {
        return "openapi/health.json";
    }

    private void health(Context ctx) {
        String engine = database.engine().name().toLowerCase(Locale.ROOT);
        // The JVM's uptime is the server's: one process, started by the server's main.
        long uptimeSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        if (database.isReachable()) {
            ctx.json(new HealthView("ok", engine, version, uptimeSeconds));
        } else {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new HealthView("unavailable", engine, version, uptimeSeconds));
        }
    }
}
