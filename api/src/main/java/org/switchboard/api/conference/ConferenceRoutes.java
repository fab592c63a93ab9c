package org.switchboard.api.conference;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.conference.ConferenceService;
import org.switchboard.pbx.conference.LiveConferences;
import org.switchboard.store.conference.ConferenceRoom;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * Conference rooms over HTTP: {@code GET|POST /api/conferences}, {@code GET|PUT|DELETE /api/conferences/{name}},
 * and who is in a room on this node: {@code GET /api/conferences/{name}/participants}, {@code PATCH
 * .../participants/{id}} ({@code {"muted": true}}) and {@code DELETE .../participants/{id}} (hang up). Handlers
 * run on virtual threads; both services are thread-safe.
 */
public final class ConferenceRoutes implements Routes {
    private static final String PATH = "/api/conferences";

    private final ConferenceService rooms;
    private final LiveConferences live;

    public ConferenceRoutes(ConferenceService rooms, LiveConferences live) {
        this.rooms = rooms;
        this.live = live;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::create);
        routes.get(PATH + "/{name}", this::get);
        routes.put(PATH + "/{name}", this::update);
        routes.delete(PATH + "/{name}", this::delete);
        routes.get(PATH + "/{name}/participants", this::participants);
        routes.patch(PATH + "/{name}/participants/{id}", this::changeParticipant);
        routes.delete(PATH + "/{name}/participants/{id}", this::kick);
    }

    @Override
    public String openApiResource() {
        return "openapi/conferences.json";
    }

    private void list(Context ctx) {
        ctx.json(rooms.list().stream().map(this::view).toList());
    }

    private void get(Context ctx) {
        ctx.json(view(rooms.get(ctx.pathParam("name"))));
    }

    private void create(Context ctx) {
        ConferenceBody body = Json.read(ctx, ConferenceBody.class);
        ConferenceRoom saved = rooms.create(body.toRoom(null), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + saved.name()).json(view(saved));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        rooms.get(name);
        ConferenceBody body = Json.read(ctx, ConferenceBody.class);
        ctx.json(view(rooms.update(name, body.toRoom(name), actor(ctx))));
    }

    private void delete(Context ctx) {
        rooms.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void participants(Context ctx) {
        String name = rooms.get(ctx.pathParam("name")).name();
        ctx.json(live.participants(name).stream().map(ParticipantView::of).toList());
    }

    private void changeParticipant(Context ctx) {
        String name = rooms.get(ctx.pathParam("name")).name();
        long id = participantId(ctx);
        ParticipantBody body = Json.read(ctx, ParticipantBody.class);
        Fields.check(body.muted() != null, "muted", "is required (true or false)");
        ctx.json(ParticipantView.of(live.mute(name, id, body.muted())));
    }

    private void kick(Context ctx) {
        String name = rooms.get(ctx.pathParam("name")).name();
        live.kick(name, participantId(ctx), "kicked from conference by " + actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private ConferenceView view(ConferenceRoom room) {
        return ConferenceView.of(room, live.participants(room.name()).size());
    }

    private static long participantId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ValidationException("id", "must be a participant's number");
        }
    }
}
