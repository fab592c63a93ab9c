package org.switchboard.api.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a safe token, otherwise
 * a new UUID. The id is echoed in the response, put in the SLF4J MDC as {@code request_id} for
 * every log line of the request, and shown in 500 bodies. Runs on the request's thread.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "sb.requestId";
    // Only plain tokens are echoed into logs and headers: no CR/LF injection, bounded length.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /** Before-handler: assigns the id. */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The id of this request (assigned on first use if a handler runs before {@link #assign}). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }

    /** Removes the id from the thread's MDC once the request is done. */
    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
