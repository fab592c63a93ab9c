package org.switchboard.api.queue;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.queue.LiveQueues;
import org.switchboard.pbx.queue.QueueCallbacks;
import org.switchboard.pbx.queue.QueueService;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.queue.CallQueue;

/**
 * Call queues over HTTP, translating to {@link QueueService} calls (the service holds every rule), and
 * their live statistics from {@link LiveQueues}. Handlers run on virtual threads; both are thread-safe.
 */
public final class QueueRoutes implements Routes {
    private static final String QUEUES = "/api/queues";
    private static final String AGENTS = "/api/queue-agents";

    private final QueueService queues;
    private final LiveQueues live;
    private final QueueCallbacks callbacks;

    public QueueRoutes(QueueService queues, LiveQueues live, QueueCallbacks callbacks) {
        this.queues = queues;
        this.live = live;
        this.callbacks = callbacks;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(QUEUES, ctx -> ctx.json(queues.list().stream().map(QueueView::of).toList()));
        routes.post(QUEUES, this::create);
        routes.get(QUEUES + "/{name}", ctx -> ctx.json(QueueView.of(queues.get(ctx.pathParam("name")))));
        routes.put(QUEUES + "/{name}", this::update);
        routes.delete(QUEUES + "/{name}", this::delete);
        routes.get(QUEUES + "/{name}/stats", ctx -> ctx.json(live.stats(queues.get(ctx.pathParam("name")))));
        routes.get(QUEUES + "/{name}/calls", this::calls);
        routes.get(QUEUES + "/{name}/callbacks", ctx -> ctx.json(callbacks.list(ctx.pathParam("name"))));
        routes.delete(QUEUES + "/{name}/callbacks/{id}", this::cancelCallback);
        routes.get(AGENTS, ctx -> ctx.json(queues.agentNumbers().stream().map(this::agent).toList()));
        routes.put(AGENTS + "/{extension}", this::setAgent);
    }

    @Override
    public String openApiResource() {
        return "openapi/queues.json";
    }

    private void create(Context ctx) {
        QueueBody body = Json.read(ctx, QueueBody.class);
        CallQueue saved = queues.create(body.toQueue(body.name()), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", QUEUES + "/" + saved.name()).json(QueueView.of(saved));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        QueueBody body = Json.read(ctx, QueueBody.class);
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed; it must match the path or be omitted");
        }
        ctx.json(QueueView.of(queues.update(name, body.toQueue(name), actor(ctx))));
    }

    private void delete(Context ctx) {
        queues.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void calls(Context ctx) {
        String limit = ctx.queryParam("limit");
        int count;
        try {
            count = limit == null ? 100 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a number from 1 to 1000");
        }
        if (count < 1 || count > 1000) {
            throw new ValidationException("limit", "must be a number from 1 to 1000");
        }
        ctx.json(queues.calls(ctx.pathParam("name"), count).stream().map(QueueCallView::of).toList());
    }

    private void cancelCallback(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ValidationException("id", "must be a callback request's number");
        }
        callbacks.cancel(ctx.pathParam("name"), id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void setAgent(Context ctx) {
        String extension = ctx.pathParam("extension");
        AgentBody body = Json.read(ctx, AgentBody.class);
        if (body.loggedIn() == null && body.paused() == null && body.skills() == null) {
            throw new ValidationException("logged_in", "give logged_in, paused, skills or several of them");
        }
        if (body.skills() != null) {
            queues.setSkills(extension, body.skills(), actor(ctx));
        }
        if (body.loggedIn() != null || body.paused() != null) {
            queues.setAgent(extension, Optional.ofNullable(body.loggedIn()), Optional.ofNullable(body.paused()), actor(ctx));
        }
        ctx.json(agent(extension));
    }

    private AgentView agent(String extension) {
        return AgentView.of(queues.agent(extension), queues.queuesOf(extension), queues.skillsOf(extension));
    }
}
