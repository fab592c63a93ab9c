package org.switchboard.api.cdr;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.store.cdr.CdrFilter;

/**
 * Call detail records over HTTP: {@code GET /api/cdr} (JSON pages with a total) and
 * {@code GET /api/cdr.csv} (the whole filtered result as CSV, streamed), translating to
 * {@link CdrService} calls. Handlers run on virtual threads; the service is thread-safe.
 */
public final class CdrRoutes implements Routes {
    private final CdrService cdrs;

    public CdrRoutes(CdrService cdrs) {
        this.cdrs = cdrs;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/cdr", this::list);
        routes.get("/api/cdr.csv", this::exportCsv);
    }

    @Override
    public String openApiResource() {
        return "openapi/cdr.json";
    }

    private void list(Context ctx) {
        CdrQuery query = CdrQuery.paged(ctx);
        ctx.json(CdrPageView.of(cdrs.page(query.filter(), query.limit(), query.offset()), query.limit(), query.offset()));
    }

    private void exportCsv(Context ctx) {
        // Everything that can be a 400 is checked before the first byte goes out.
        CdrFilter filter = CdrQuery.unpaged(ctx);
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"cdr.csv\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            cdrs.exportCsv(filter, out);
        } catch (IOException e) {
            throw new UncheckedIOException("streaming the CDR export", e);
        }
    }
}
