package org.switchboard.api.moh;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.moh.MohService;

/**
 * Music on hold over HTTP: classes ({@code GET|POST /api/moh/classes}, {@code GET|PUT|DELETE
 * /api/moh/classes/{name}}) and their files ({@code GET .../files}, {@code PUT|DELETE .../files/{file}}
 * with a WAV body), translating to {@link MohService} calls; the service holds every rule. Handlers run
 * on virtual threads; the service is thread-safe.
 */
public final class MohRoutes implements Routes {
    private static final String CLASSES = "/api/moh/classes";
    private static final String CLASS = CLASSES + "/{name}";
    private static final String FILES = CLASS + "/files";
    private static final String FILE = FILES + "/{file}";

    private final MohService moh;

    public MohRoutes(MohService moh) {
        this.moh = moh;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(CLASSES, ctx -> ctx.json(moh.list().stream().map(MohClassView::of).toList()));
        routes.post(CLASSES, this::create);
        routes.get(CLASS, ctx -> ctx.json(MohClassView.of(moh.get(ctx.pathParam("name")))));
        routes.put(CLASS, this::update);
        routes.delete(CLASS, this::delete);
        routes.get(FILES, ctx -> ctx.json(moh.files(ctx.pathParam("name")).stream().map(MohFileView::of).toList()));
        routes.put(FILE, this::upload);
        routes.delete(FILE, this::deleteFile);
    }

    @Override
    public String openApiResource() {
        return "openapi/moh.json";
    }

    private void create(Context ctx) {
        MohClassView saved = MohClassView.of(moh.create(Json.read(ctx, MohClassBody.class).toValues(null), actor(ctx)));
        ctx.status(201).header("Location", CLASSES + "/" + saved.name()).json(saved);
    }

    private void update(Context ctx) {
        MohClassBody body = Json.read(ctx, MohClassBody.class);
        ctx.json(MohClassView.of(moh.update(body.toValues(ctx.pathParam("name")), actor(ctx))));
    }

    private void delete(Context ctx) {
        moh.delete(ctx.pathParam("name"), actor(ctx));
        ctx.status(204);
    }

    private void upload(Context ctx) {
        ctx.json(MohFileView.of(moh.upload(ctx.pathParam("name"), ctx.pathParam("file"), ctx.bodyAsBytes(), actor(ctx))));
    }

    private void deleteFile(Context ctx) {
        moh.deleteFile(ctx.pathParam("name"), ctx.pathParam("file"), actor(ctx));
        ctx.status(204);
    }
}
