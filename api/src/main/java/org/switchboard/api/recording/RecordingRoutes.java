package org.switchboard.api.recording;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.call.RecordableCalls;
import org.switchboard.pbx.recording.RecordingService;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.recording.RecordingQuery;

/**
 * Call recording over HTTP: {@code GET|PUT /api/extensions/{number}/recording} (policy and announcement), {@code GET
 * /api/recordings} (filters {@code extension}, {@code call}, {@code date} as YYYY-MM-DD in UTC), {@code GET|PATCH|DELETE
 * /api/recordings/{id}} (PATCH sets the legal hold), {@code GET /api/recordings/{id}/audio} (the stereo WAV), {@code
 * GET|PUT /api/recordings/retention}, and {@code POST /api/calls/{id}/recording} (start or stop recording a call in
 * progress, for the on-demand policy). Handlers run on virtual threads; the services are thread-safe.
 */
public final class RecordingRoutes implements Routes {
    private static final String PATH = "/api/recordings";

    private final RecordingService recordings;
    private final RecordableCalls calls;

    public RecordingRoutes(RecordingService recordings, RecordableCalls calls) {
        this.recordings = recordings;
        this.calls = calls;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/extensions/{number}/recording", this::policy);
        routes.put("/api/extensions/{number}/recording", this::savePolicy);
        routes.get(PATH, this::list);
        routes.get(PATH + "/retention", this::retention);
        routes.put(PATH + "/retention", this::saveRetention);
        routes.get(PATH + "/{id}", this::get);
        routes.patch(PATH + "/{id}", this::legalHold);
        routes.delete(PATH + "/{id}", this::delete);
        routes.get(PATH + "/{id}/audio", this::audio);
        routes.post("/api/calls/{id}/recording", this::recordCall);
    }

    @Override
    public String openApiResource() {
        return "openapi/recordings.json";
    }

    private void policy(Context ctx) {
        ctx.json(RecordingPolicyView.of(recordings.settingsOf(ctx.pathParam("number"))));
    }

    private void savePolicy(Context ctx) {
        RecordingPolicyBody body = Json.read(ctx, RecordingPolicyBody.class);
        ctx.json(RecordingPolicyView.of(recordings.save(body.toSettings(ctx.pathParam("number")))));
    }

    private void list(Context ctx) {
        Optional<LocalDate> day = Optional.ofNullable(ctx.queryParam("date")).map(RecordingRoutes::date);
        RecordingQuery query = new RecordingQuery(Optional.ofNullable(ctx.queryParam("extension")),
                Optional.ofNullable(ctx.queryParam("call")),
                day.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                day.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        ctx.json(recordings.list(query).stream().map(RecordingView::of).toList());
    }

    private void get(Context ctx) {
        ctx.json(RecordingView.of(recordings.get(id(ctx))));
    }

    private void legalHold(Context ctx) {
        long id = id(ctx);
        LegalHoldBody body = Json.read(ctx, LegalHoldBody.class);
        ctx.json(RecordingView.of(recordings.setLegalHold(id, body.value())));
    }

    private void delete(Context ctx) {
        recordings.delete(id(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void audio(Context ctx) {
        try {
            // Javalin closes the stream once the response is written; a recording may be an hour long
            ctx.header("Cache-Control", "no-store").contentType("audio/wav")
                    .result(Files.newInputStream(recordings.audio(id(ctx))));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("recording file", ctx.pathParam("id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void retention(Context ctx) {
        ctx.json(new RetentionBody(recordings.retentionDays().orElse(null)));
    }

    private void saveRetention(Context ctx) {
        RetentionBody body = Json.read(ctx, RetentionBody.class);
        recordings.setRetentionDays(body.days());
        ctx.json(new RetentionBody(recordings.retentionDays().orElse(null)));
    }

    private void recordCall(Context ctx) {
        String id = ctx.pathParam("id");
        boolean start = Json.read(ctx, CallRecordingBody.class).start();
        boolean done = calls.record(id, start).join().orElseThrow(() -> new NotFoundException("call", id));
        if (!done) {
            throw new ConflictException("action", "the call cannot be recorded: not a bridged call, or no party's"
                    + " policy is on_demand or always");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ValidationException("id", "must be a recording's number");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("date", "must be a day as YYYY-MM-DD");
        }
    }
}
