package org.switchboard.api.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.panel.PanelRoutes;
import org.switchboard.pbx.admin.AdminAuthService;

/**
 * The HTTP server of the REST API: builds the Javalin app with the shared plumbing (unknown methods
 * refused before routing, request ids, security headers, bearer auth on {@code /api}, control
 * characters refused in parameters, one error mapper, JSON error answers even from Jetty, request
 * metrics, handlers on virtual threads), adds each feature's {@link Routes}, and serves
 * {@code /metrics} (to its scrape token, see {@link MetricsAccess}) and {@code /api/openapi.json}.
 * Constructed, started and stopped by one thread (the server's wiring); {@link #port()} may be
 * read from any thread after {@link #start()}.
 */
public final class ApiServer {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** How long {@link #stop()} lets requests in flight finish before Jetty cuts them. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final HttpSettings settings;
    private final Javalin app;
    private final OpenApiDocument openApi;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final List<RouteKey> registered = Collections.synchronizedList(new ArrayList<>());
    private final List<Routes> features;

    /**
     * @param settings bind address and port (0 = any free port)
     * @param auth validates bearer tokens for every protected route
     * @param registry where JVM and HTTP metrics go and what {@code /metrics} scrapes; other modules register on it too
     * @param apiFeatures the routes of each feature (auth, health, extensions, ...); the admin panel is always added
     */
    public ApiServer(HttpSettings settings, AdminAuthService auth, PrometheusMeterRegistry registry, List<Routes> apiFeatures) {
        this.settings = settings;
        this.features = Stream.concat(apiFeatures.stream(), Stream.of(new PanelRoutes())).toList();
        this.openApi = new OpenApiDocument(settings.version(), features.stream().map(Routes::openApiResource).toList());
        bindJvmMetrics(registry);
        BearerAuthFilter authFilter = new BearerAuthFilter(auth);
        MetricsAccess metricsAccess = new MetricsAccess(settings.metricsToken(), auth);
        HttpMetrics httpMetrics = new HttpMetrics(registry);
        this.app = Javalin.create(config -> configure(config, authFilter, metricsAccess, httpMetrics, registry, features));
    }

    private void configure(JavalinConfig config, BearerAuthFilter authFilter, MetricsAccess metricsAccess,
                           HttpMetrics httpMetrics, PrometheusMeterRegistry registry, List<Routes> features) {
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxRequestBytes();
        settings.tls().ifPresent(identity -> SharedPortTls.install(config.jetty, settings.host(), settings.port(), identity));
        // Graceful stop: Jetty only waits for requests in flight when a GracefulHandler tracks them
        // and the stop timeout is above 0; until then, new requests are refused (the connector
        // closes, and a request on an open connection gets 503). Javalin nests its own handler
        // inside the innermost wrapper, so the method gate sees every request before routing.
        // Jetty's own error answers (malformed URLs) get the API's JSON body and headers.
        JsonErrorHandler errors = new JsonErrorHandler(httpMetrics);
        config.jetty.modifyServer(server -> {
            GracefulHandler graceful = new GracefulHandler();
            graceful.setHandler(new MethodGate(httpMetrics));
            server.setHandler(graceful);
            server.setStopTimeout(STOP_GRACE.toMillis());
            server.setErrorHandler(errors);
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
        config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
        config.requestLogger.http(httpMetrics::record);
        config.events.handlerAdded(meta -> {
            if (meta.getHttpMethod().isHttpMethod()) {
                registered.add(new RouteKey(meta.getHttpMethod().name(), meta.getPath()));
            }
        });
        var routes = config.routes;
        routes.before(RequestIds::assign);
        routes.before(SecurityHeaders::apply);
        routes.before("/api/*", authFilter::check);
        routes.before("/metrics", metricsAccess::check);
        routes.beforeMatched(ParameterText::check);
        ErrorMapper.install(routes);
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi.json()));
        for (Routes feature : features) {
            feature.register(routes);
        }
    }

    private void bindJvmMetrics(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Binds and starts serving; returns this. */
    public ApiServer start() {
        app.start();
        log.info("http api listening host={} port={} https={}", settings.host(), port(), settings.tls().isPresent());
        return this;
    }

    /** The port actually bound (useful when the settings asked for port 0). */
    public int port() {
        return app.port();
    }

    /**
     * Ends the long-lived answers first (features that are {@link AutoCloseable}, such as the event
     * stream, which would otherwise hold the graceful stop for its whole grace period), refuses new
     * requests, lets the ones in flight finish (at most {@link #STOP_GRACE}, then they are cut), and
     * returns when Jetty has stopped; so a caller may close the database pool after it. Safe to call
     * once after {@link #start()}.
     */
    public void stop() {
        for (Routes feature : features) {
            if (feature instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        app.stop();
        gcMetrics.close();
        log.info("http api stopped");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Stopping goes on: one feature failing to close must not keep the others running.
            log.warn("closing {} on stop failed", closeable.getClass().getSimpleName(), e);
        }
    }

    /** Every method and path registered in Javalin, for checks such as "the OpenAPI document covers all routes". */
    public List<RouteKey> registeredRoutes() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /** The OpenAPI document this server serves. */
    public OpenApiDocument openApi() {
        return openApi;
    }
}
