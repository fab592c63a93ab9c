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
 * one DEBUG line per request. Every tag comes from a bounded set, so no client can add series:
 * {@code uri} is the route template ({@code /api/extensions/{number}}) or {@code UNMATCHED}, never
 * the raw path; {@code method} is one the server serves or {@code OTHER} ({@link MethodGate}).
 * Called by Javalin's request logger on the request's thread after the response is complete, and
 * by the Jetty-level answers ({@link MethodGate}, {@link JsonErrorHandler}) that no route saw.
 */
public final class HttpMetrics {
    private static final Logger log = LoggerFactory.getLogger(HttpMetrics.class);
    /** The {@code uri} tag of requests no route matched. */
    static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished request and clears its request id from the log context. */
    public void record(Context ctx, Float executionMillis) {
        try {
            String uri = routeTemplate(ctx);
            String method = MethodGate.label(ctx.method().name());
            String status = Integer.toString(ctx.statusCode());
            long nanos = (long) (executionMillis.doubleValue() * 1_000_000d);
            timer(method, uri, status).record(nanos, TimeUnit.NANOSECONDS);
            log.debug("http request method={} uri={} status={} ms={}", method, uri, status, executionMillis);
        } finally {
            RequestIds.clear();
        }
    }

    /** Records a request Jetty answered before routing (a refused method, a malformed URL). */
    void recordUnrouted(String method, int status, long nanos) {
        String label = MethodGate.label(method);
        timer(label, UNMATCHED, Integer.toString(status)).record(nanos, TimeUnit.NANOSECONDS);
        log.debug("http request refused before routing method={} status={}", label, status);
    }

    private Timer timer(String method, String uri, String status) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests served by the API")
                .tag("method", method)
                .tag("uri", uri)
                .tag("status", status)
                .register(registry);
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
        return UNMATCHED;
    }
}
