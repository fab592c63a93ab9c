package org.switchboard.api.http;

import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code 501 Not Implemented} to any method the API does not serve, before routing: an
 * invented method never reaches Javalin (which would create a method object for it) and is counted
 * under the one method tag {@code OTHER}, so no client can grow {@code /metrics} or the heap.
 * RFC 9110 §15.6.2: 501 is the answer to a method the server does not recognise or support. A
 * Jetty handler wrapping Javalin's; runs on Jetty's request thread and holds no state.
 */
final class MethodGate extends Handler.Wrapper {
    /** Every method a route may use; HEAD and OPTIONS are answered by Javalin for any GET route. */
    private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** The method tag of every request whose method is not served. */
    static final String OTHER = "OTHER";

    private final HttpMetrics metrics;

    MethodGate(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    /** The metric tag for {@code method}: the method itself when served, {@link #OTHER} otherwise. */
    static String label(String method) {
        return SERVED.contains(method) ? method : OTHER;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (SERVED.contains(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put("Allow", String.join(", ", SERVED.stream().sorted().toList()));
        JsonErrorHandler.write(request, response, callback, HttpStatus.NOT_IMPLEMENTED_501,
                "the method is not supported; use one of the methods in Allow");
        metrics.recordUnrouted(request.getMethod(), HttpStatus.NOT_IMPLEMENTED_501,
                System.nanoTime() - request.getBeginNanoTime());
        return true;
    }
}
