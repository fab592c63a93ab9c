package org.switchboard.api.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.api.http.Routes;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseFaults;

/**
 * {@code GET /api/health} for load balancers and monitoring, answered within {@link #BUDGET}:
 * 200 {@code ok} when the database answers; 200 {@code degraded} with the reason while a database
 * fault lasts (an outage, a full disk, or no answer within the budget: the node still serves calls
 * and live state); 503 {@code unavailable} when the database cannot be used and no fault explains
 * it. Needs no token. Runs on a virtual thread; the database round trip runs on another, so a
 * database that hangs cannot hold the answer.
 */
public final class HealthRoutes implements Routes {
    /** The longest a health check waits for the database's answer. */
    static final Duration BUDGET = Duration.ofMillis(800);

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

    private void health(Context ctx) throws InterruptedException {
        String engine = database.engine().name().toLowerCase(Locale.ROOT);
        // The JVM's uptime is the server's: one process, started by the server's main.
        long uptimeSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        CompletableFuture<Boolean> ping = new CompletableFuture<>();
        Thread.ofVirtual().name("health-ping").start(() -> ping.complete(database.isReachable()));
        boolean reachable;
        boolean answered = true;
        try {
            reachable = ping.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reachable = false;
            answered = false;
        } catch (ExecutionException e) {
            reachable = false;
        }
        Optional<String> fault = database.faults().current().map(DatabaseFaults.Fault::reason);
        if (fault.isEmpty() && !answered) {
            fault = Optional.of("the database did not answer within " + BUDGET.toMillis() + " ms");
        }
        if (fault.isPresent()) {
            ctx.json(new HealthView("degraded", engine, version, uptimeSeconds, fault.get()));
        } else if (reachable) {
            ctx.json(new HealthView("ok", engine, version, uptimeSeconds, null));
        } else {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(new HealthView("unavailable", engine, version, uptimeSeconds, "the database cannot be used"));
        }
    }
}
