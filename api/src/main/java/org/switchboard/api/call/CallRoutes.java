package org.switchboard.api.call;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminSession;
import org.switchboard.pbx.call.ActiveCalls;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.quality.MediaDiagnosis;
import org.switchboard.pbx.clicktodial.ClickToDialRequest;
import org.switchboard.pbx.clicktodial.Dialling;
import org.switchboard.store.db.NotFoundException;

/**
 * The calls in progress over HTTP: {@code GET /api/calls}, {@code GET /api/calls/{id}}, its
 * {@code /quality} (loss, jitter, MOS per leg) and {@code /media} (why there is or is no audio), and
 * {@code DELETE /api/calls/{id}} (hang up), translating to {@link ActiveCalls}, and {@code POST
 * /api/calls}, a click-to-dial ({@link Dialling}, docs/click-to-dial.md). Call control answers
 * on each call's executor; the handler (a virtual thread) waits for that answer, at most
 * {@link #ANSWER_WITHIN}, so a stuck call cannot hold a request forever.
 */
public final class CallRoutes implements Routes {
    /** How long a request waits for call control before answering 503. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private final ActiveCalls calls;
    private final Dialling dialling;

    public CallRoutes(ActiveCalls calls, Dialling dialling) {
        this.calls = calls;
        this.dialling = dialling;
    }

    /**
     * A click-to-dial request's body.
     *
     * @param autoAnswer null when absent: false
     * @param callerId null when absent: what {@code from}'s phones show is {@code to}
     */
    record DialBody(String from, String to, Boolean autoAnswer, String callerId) {}

    /** The accepted click-to-dial: the call's id, to follow it in {@code GET /api/calls/{id}} and the event stream. */
    record Dialled(String id, String from, String to) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/calls", this::list);
        routes.post("/api/calls", this::dial);
        routes.get("/api/calls/{id}", this::get);
        routes.get("/api/calls/{id}/quality", this::quality);
        routes.get("/api/calls/{id}/media", this::media);
        routes.delete("/api/calls/{id}", this::hangUp);
    }

    @Override
    public String openApiResource() {
        return "openapi/calls.json";
    }

    private void list(Context ctx) {
        ctx.json(answer(calls.list()).stream().map(CallView::of).toList());
    }

    private void dial(Context ctx) {
        DialBody body = Json.read(ctx, DialBody.class);
        String id = dialling.dial(new ClickToDialRequest(body.from(), body.to(), Boolean.TRUE.equals(body.autoAnswer()),
                Optional.ofNullable(body.callerId())));
        ctx.status(HttpStatus.ACCEPTED).json(new Dialled(id, body.from(), body.to()));
    }

    private void get(Context ctx) {
        ctx.json(CallView.of(inProgress(ctx.pathParam("id"))));
    }

    private void quality(Context ctx) {
        ctx.json(CallQualityView.of(inProgress(ctx.pathParam("id"))));
    }

    private void media(Context ctx) {
        ctx.json(MediaDiagnosis.of(inProgress(ctx.pathParam("id"))));
    }

    private CallSnapshot inProgress(String id) {
        return answer(calls.find(id)).orElseThrow(() -> new NotFoundException("call", id));
    }

    private void hangUp(Context ctx) {
        String id = ctx.pathParam("id");
        String actor = BearerAuthFilter.session(ctx).map(AdminSession::username).map(u -> "admin:" + u).orElse("api");
        if (!answer(calls.hangUp(id, actor))) {
            throw new NotFoundException("call", id);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static <T> T answer(CompletableFuture<T> pending) {
        try {
            return pending.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableResponse("call control did not answer in time; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableResponse("the request was interrupted while waiting for call control");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("call control failed", e.getCause());
        }
    }
}
