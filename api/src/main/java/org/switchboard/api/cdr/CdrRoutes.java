package org.switchboard.api.cdr;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.QosMetric;
import org.switchboard.store.db.NotFoundException;

/**
 * Call detail records over HTTP: {@code GET /api/cdr} (JSON pages with a total),
 * {@code GET /api/cdr.csv} (the whole filtered result as CSV, streamed) and
 * {@code GET /api/cdr/{call_id}/quality} (how each leg of an ended call sounded), translating to
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
        routes.get("/api/cdr/{call_id}/quality", this::quality);
    }

    @Override
    public String openApiResource() {
        return "openapi/cdr.json";
    }

    private void list(Context ctx) {
        CdrQuery query = CdrQuery.paged(ctx);
        ctx.json(CdrPageView.of(cdrs.page(query.filter(), query.limit(), query.offset()), query.limit(), query.offset()));
    }

    private void quality(Context ctx) {
        String callId = ctx.pathParam("call_id");
        List<QosMetric> legs = cdrs.quality(callId);
        if (legs.isEmpty()) {
            throw new NotFoundException("call quality", callId);
        }
        ctx.json(new QualityView(callId, legs.stream().map(QualityView.LegView::of).toList()));
    }

    /** Response body of {@code GET /api/cdr/{call_id}/quality}; {@code reported_*} omitted for phones without RTCP. */
    public record QualityView(String callId, List<LegView> legs) {
        public record LegView(String role, String party, long packetsReceived, long packetsExpected, long packetsLost,
                double lossPercent, double jitterMs, Double reportedLossPercent, Double reportedJitterMs,
                Double roundTripMs, double mos, Instant recordedAt) {
            static LegView of(QosMetric m) {
                return new LegView(m.role(), m.party(), m.packetsReceived(), m.packetsExpected(), m.packetsLost(),
                        m.lossPercent(), m.jitterMs(), m.reportedLossPercent(), m.reportedJitterMs(), m.roundTripMs(), m.mos(),
                        m.recordedAt());
            }
        }
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
