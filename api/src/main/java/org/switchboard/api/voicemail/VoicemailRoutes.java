package org.switchboard.api.voicemail;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;

/**
 * Voicemail over HTTP (docs/voicemail.md): a box's settings, its messages and their audio, and its
 * greetings, translating to {@link VoicemailService} calls; the service holds every rule. Handlers
 * run on virtual threads (they read files and the database); the service is thread-safe.
 */
public final class VoicemailRoutes implements Routes {
    private static final String BOX = "/api/voicemail/boxes/{number}";
    private static final String MESSAGE = BOX + "/messages/{id}";
    private static final String WAV = "audio/wav";

    private final VoicemailService voicemail;

    public VoicemailRoutes(VoicemailService voicemail) {
        this.voicemail = voicemail;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(BOX, this::getBox);
        routes.put(BOX, this::putBox);
        routes.get(BOX + "/messages", this::listMessages);
        routes.get(MESSAGE + "/audio", this::audio);
        routes.patch(MESSAGE, this::moveMessage);
        routes.delete(MESSAGE, this::deleteMessage);
        routes.get(BOX + "/greetings/{kind}", this::getGreeting);
        routes.put(BOX + "/greetings/{kind}", this::putGreeting);
    }

    @Override
    public String openApiResource() {
        return "openapi/voicemail.json";
    }

    private void getBox(Context ctx) {
        ctx.json(BoxView.of(voicemail.details(number(ctx))));
    }

    private void putBox(Context ctx) {
        BoxBody body = Json.read(ctx, BoxBody.class);
        ctx.json(BoxView.of(voicemail.update(number(ctx), body.settings(), body.newPin(), BearerAuthFilter.actor(ctx))));
    }

    private void listMessages(Context ctx) {
        ctx.json(voicemail.allMessages(number(ctx)).stream().map(MessageView::of).toList());
    }

    private void audio(Context ctx) {
        String box = number(ctx);
        long id = id(ctx);
        sendWav(ctx, voicemail.audio(box, id).orElseThrow(() -> new NotFoundException("voicemail message", box + "/" + id)));
    }

    private void moveMessage(Context ctx) {
        String box = number(ctx);
        long id = id(ctx);
        MessageBody body = Json.read(ctx, MessageBody.class);
        Folder folder = folder(body.folder());
        if (!voicemail.move(box, id, folder)) {
            throw new NotFoundException("voicemail message", box + "/" + id);
        }
        ctx.json(voicemail.message(box, id).map(MessageView::of)
                .orElseThrow(() -> new NotFoundException("voicemail message", box + "/" + id)));
    }

    private void deleteMessage(Context ctx) {
        String box = number(ctx);
        long id = id(ctx);
        if (!voicemail.delete(box, id)) {
            throw new NotFoundException("voicemail message", box + "/" + id);
        }
        ctx.status(204);
    }

    private void getGreeting(Context ctx) {
        String box = number(ctx);
        Greeting kind = greeting(ctx);
        sendWav(ctx, voicemail.greeting(box, kind)
                .orElseThrow(() -> new NotFoundException("voicemail greeting", box + "/" + kind.key())));
    }

    private void putGreeting(Context ctx) {
        voicemail.saveGreeting(number(ctx), greeting(ctx), ctx.bodyAsBytes());
        ctx.status(204);
    }

    private static void sendWav(Context ctx, Path file) {
        try {
            // The stream is closed by Javalin once the response is written; a message may be minutes long.
            ctx.header("Cache-Control", "no-store").contentType(WAV).result(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("voicemail audio", file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(Context ctx) {
        return ctx.pathParam("number");
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("voicemail message", text);
        }
    }

    private static Greeting greeting(Context ctx) {
        String kind = ctx.pathParam("kind");
        return Arrays.stream(Greeting.values()).filter(g -> g.key().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("voicemail greeting kind", kind));
    }

    private static Folder folder(String text) {
        if (text == null) {
            throw new ValidationException("folder", "is required: new or old");
        }
        return Arrays.stream(Folder.values()).filter(f -> f.key().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ValidationException("folder", "must be new or old"));
    }
}
