package org.switchboard.api.prompt;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.prompt.PromptService;

/**
 * Prompts over HTTP: the list (shipped and uploaded), each one's audio as WAV, uploads (the WAV
 * file as the body) and deletion of uploads, translating to {@link PromptService} calls. Handlers
 * run on virtual threads; the service is thread-safe.
 */
public final class PromptRoutes implements Routes {
    private static final String PATH = "/api/prompts";

    private final PromptService prompts;

    public PromptRoutes(PromptService prompts) {
        this.prompts = prompts;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, ctx -> ctx.json(prompts.list().stream().map(PromptView::of).toList()));
        routes.get(PATH + "/{name}", this::audio);
        routes.put(PATH + "/{name}", this::upload);
        routes.delete(PATH + "/{name}", this::delete);
    }

    @Override
    public String openApiResource() {
        return "openapi/prompts.json";
    }

    private void audio(Context ctx) {
        ctx.contentType("audio/wav").result(prompts.audio(ctx.pathParam("name")));
    }

    private void upload(Context ctx) {
        ctx.json(PromptView.of(prompts.upload(ctx.pathParam("name"), ctx.bodyAsBytes(), actor(ctx))));
    }

    private void delete(Context ctx) {
        prompts.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
