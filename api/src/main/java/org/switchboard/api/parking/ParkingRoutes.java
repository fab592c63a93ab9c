package org.switchboard.api.parking;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.parking.ParkedCalls;
import org.switchboard.pbx.parking.ParkingService;

/**
 * Call parking over HTTP: {@code GET /api/parking} (the calls parked on this node, by slot) and {@code GET|PUT
 * /api/parking/lot} (the lot's number, slots, timeout, music and return action). Handlers run on virtual threads;
 * both services are thread-safe.
 */
public final class ParkingRoutes implements Routes {
    private static final String PATH = "/api/parking";

    private final ParkingService parking;
    private final ParkedCalls slots;

    public ParkingRoutes(ParkingService parking, ParkedCalls slots) {
        this.parking = parking;
        this.slots = slots;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::parked);
        routes.get(PATH + "/lot", this::lot);
        routes.put(PATH + "/lot", this::update);
    }

    @Override
    public String openApiResource() {
        return "openapi/parking.json";
    }

    private void parked(Context ctx) {
        ctx.json(slots.list().stream().map(ParkedCallView::of).toList());
    }

    private void lot(Context ctx) {
        ctx.json(ParkLotView.of(parking.lot()));
    }

    private void update(Context ctx) {
        ParkLotBody body = Json.read(ctx, ParkLotBody.class);
        ctx.json(ParkLotView.of(parking.save(body.toLot(), actor(ctx))));
    }
}
