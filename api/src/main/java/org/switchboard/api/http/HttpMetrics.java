package org.switchboard.api.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every HTTP request into {@code http_server_requests_seconds{method,uri,status}} and writes
 * one DEBUG line per request. The {@code uri} tag is the route template ({@code
 * /api/extensions/{number}}), never the raw path, so the number of series stays bounded. Called by
 * Javalin's request logger on the request's thread, after the response is complete.
 */
public final class HttpMetrics {
    private static final Logger log = LoggerFactory.getLogger(HttpMetrics.class);

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished request and clears its request id from the log context. */
    public void record(Context ctx, Float executionMillis) {
        try {
            String uri = routeTemplate(ctx);
            String status = Integer.toString(ctx.statusCode());
            long nanos = (long) (executionMillis.doubleValue() * 1_000_000d);
            Timer.builder("http.server.requests")
                    .description("HTTP requests served by the API")
                    .tag("method", ctx.method().name())
                    .tag("uri", uri)
                    .tag("status", status)
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            log.debug("http request method={} uri={} status={} ms={}", ctx.method().name(), uri, status, executionMillis);
        } finally {
            RequestIds.clear();
        }
    }

    private static String routeTemplate(Context ctx) {
        List<Endpoint> visited = ctx.endpoints().list();
        for (int i = visited.size() - 1; i >= 0; i--) {
            Endpoint e = visited.get(i);
            if (e.method.isHttpMethod()) {
                return e.path;
            }
        }
        // Unmatched requests share one series so scanners cannot create unbounded tag values.
        return "UNMATCHED";
    }
}
