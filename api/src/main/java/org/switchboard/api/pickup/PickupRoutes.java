package org.switchboard.api.pickup;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.call.RingingCalls;
import org.switchboard.pbx.pickup.PickupGroupService;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.pickup.CallPickup;
import org.switchboard.store.pickup.ExtensionPickupGroups;

/**
 * Call pickup over HTTP (docs/pickup.md): {@code GET|PUT /api/extensions/{number}/pickup-groups} (the groups an
 * extension is in), {@code GET /api/pickup-groups} (every group with its members) and {@code GET /api/pickup/ringing}
 * (the calls ringing now, which a pickup may answer, longest-ringing first), {@code GET /api/pickups?limit=100}
 * (the calls picked up, the latest first, beside their CDRs). Handlers run on virtual threads; the
 * services are thread-safe.
 */
public final class PickupRoutes implements Routes {
    private final PickupGroupService groups;
    /** The most {@code GET /api/pickups} lists. */
    static final int MAX_LIMIT = 1000;

    private final Supplier<List<RingingCalls.Ringing>> ringing;
    private final IntFunction<List<CallPickup>> latest;

    /**
     * @param ringing the calls ringing now, longest-ringing first ({@link RingingCalls#all})
     * @param latest the latest calls picked up, the latest first, at most the number given
     */
    public PickupRoutes(PickupGroupService groups, Supplier<List<RingingCalls.Ringing>> ringing,
            IntFunction<List<CallPickup>> latest) {
        this.groups = groups;
        this.ringing = ringing;
        this.latest = latest;
    }

    /** A call picked up, beside its CDR (joined on {@code call_id}). */
    public record PickupView(String callId, String rung, String pickedUpBy, String how, Instant pickedUpAt) {
        static PickupView of(CallPickup p) {
            return new PickupView(p.callId(), p.rung(), p.pickedUpBy(), p.how(), p.at());
        }
    }

    /** Body of {@code PUT /api/extensions/{number}/pickup-groups}; also how they are shown. */
    public record GroupsBody(List<String> groups) { }

    /** One extension's groups as the API shows them. */
    public record ExtensionGroupsView(String extension, List<String> groups) {
        static ExtensionGroupsView of(ExtensionPickupGroups settings) {
            return new ExtensionGroupsView(settings.extension(), settings.groups());
        }
    }

    /** A group with its members. */
    public record GroupView(String name, Set<String> members) { }

    /** A call that rings now. */
    public record RingingView(String callId, String caller, List<String> extensions, Instant since) { }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/extensions/{number}/pickup-groups", this::extensionGroups);
        routes.put("/api/extensions/{number}/pickup-groups", this::saveExtensionGroups);
        routes.get("/api/pickup-groups", this::groups);
        routes.get("/api/pickup/ringing", this::ringing);
        routes.get("/api/pickups", this::pickups);
    }

    @Override
    public String openApiResource() {
        return "openapi/pickup.json";
    }

    private void extensionGroups(Context ctx) {
        ctx.json(ExtensionGroupsView.of(groups.settingsOf(ctx.pathParam("number"))));
    }

    private void saveExtensionGroups(Context ctx) {
        GroupsBody body = Json.read(ctx, GroupsBody.class);
        ExtensionPickupGroups settings = new ExtensionPickupGroups(ctx.pathParam("number"), body.groups());
        ctx.json(ExtensionGroupsView.of(groups.save(settings, actor(ctx))));
    }

    private void groups(Context ctx) {
        ctx.json(groups.groups().entrySet().stream().map(e -> new GroupView(e.getKey(), e.getValue())).toList());
    }

    private void pickups(Context ctx) {
        int limit;
        try {
            limit = Integer.parseInt(Optional.ofNullable(ctx.queryParam("limit")).orElse("100"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be a number from 1 to " + MAX_LIMIT);
        }
        ctx.json(latest.apply(limit).stream().map(PickupView::of).toList());
    }

    private void ringing(Context ctx) {
        ctx.json(ringing.get().stream()
                .map(r -> new RingingView(r.callId(), r.caller(), r.extensions().stream().sorted().toList(), r.since()))
                .toList());
    }
}
