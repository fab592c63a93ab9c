package org.switchboard.api.sse;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.AdminSession;
import org.switchboard.pbx.admin.SessionWatch;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.Subscription;

/**
 * {@code GET /api/events}: the PBX's events as server-sent events for the live panel. The client
 * sends its bearer token like on every route (the panel reads the stream with {@code fetch}, not
 * {@code EventSource}, which cannot send headers), so no token ever sits in a URL. Each client gets
 * its own lossy bus subscription (a slow browser loses its oldest events, never slows the PBX) and
 * a heartbeat comment every {@link #HEARTBEAT}, which also notices a client that left. The stream
 * ends with a {@code session_ended} event as soon as its token is logged out on this node or
 * expires, and at the next heartbeat when the token was revoked on another node.
 *
 * <p>Thread-safe: each stream is held by its request's virtual thread; {@link #close()} (on server
 * stop) ends them all so the graceful stop need not wait for them.
 */
public final class EventStreamRoutes implements Routes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStreamRoutes.class);
    /** Keeps proxies and the server's idle timeout (30 s) from cutting a quiet stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Events a client may fall behind by before its oldest are dropped. */
    static final int BUFFER = 256;

    private final EventBus events;
    private final AdminAuthService auth;
    private final Clock clock;
    private final Duration heartbeat;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong clients = new AtomicLong();

    /** @param clock the clock of {@code auth}, to end a stream when its token expires */
    public EventStreamRoutes(EventBus events, AdminAuthService auth, Clock clock) {
        this(events, auth, clock, HEARTBEAT);
    }

    /** With another heartbeat period, so a test can see a revoked token end the stream. */
    EventStreamRoutes(EventBus events, AdminAuthService auth, Clock clock, Duration heartbeat) {
        this.events = events;
        this.auth = auth;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/events", this::stream);
    }

    @Override
    public String openApiResource() {
        return "openapi/events.json";
    }

    /** How many clients are connected now. */
    public int openStreams() {
        return open.size();
    }

    private void stream(Context ctx) throws IOException, InterruptedException {
        // The auth filter has checked the token already; it is checked again at every heartbeat.
        String token = BearerAuthFilter.bearerToken(ctx).orElseThrow();
        AdminSession session = BearerAuthFilter.session(ctx).orElseThrow();
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        EventStream stream = new EventStream(response.getOutputStream());
        open.add(stream);
        long client = clients.incrementAndGet();
        Subscription subscription = events.subscribe("sse-" + client, EventBus.Delivery.DROP_OLDEST, BUFFER, stream::send);
        // A logout on this node ends the stream at once; one elsewhere (or an expiry) at the next heartbeat.
        Optional<SessionWatch> watch = auth.watchSession(token, () -> endSession(stream));
        log.debug("event stream opened client={}", client);
        try {
            // Subscribed before this first line: a client that reads its snapshot after it misses nothing.
            stream.comment("connected");
            if (watch.isEmpty()) {
                endSession(stream);
            }
            while (!stream.awaitClosed(nextCheck(session))) {
                if (auth.authenticate(token).isEmpty()) {
                    endSession(stream);
                    break;
                }
                stream.comment("heartbeat");
            }
        } finally {
            subscription.close();
            stream.close();
            open.remove(stream);
            watch.ifPresent(SessionWatch::close);
            log.debug("event stream closed client={} dropped={}", client, subscription.dropped());
        }
    }

    /** The next heartbeat, or the token's expiry when that comes first, so an expired token ends its stream on time. */
    private Duration nextCheck(AdminSession session) {
        Duration untilExpiry = Duration.between(clock.instant(), session.expiresAt());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(heartbeat) < 0 ? untilExpiry : heartbeat;
    }

    private static void endSession(EventStream stream) {
        stream.signal("session_ended");
        stream.close();
    }


    /** Ends every open stream (their requests then complete). */
    @Override
    public void close() {
        open.forEach(EventStream::close);
    }
}
