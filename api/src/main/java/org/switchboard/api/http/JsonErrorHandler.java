package org.switchboard.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a malformed request line or URL, an ambiguous path, a header Jetty
 * refuses: everything rejected before a route runs) in the API's error body
 * {@code {"error":{"code","message","request_id"}}} with the same security headers as every other
 * answer, instead of Jetty's HTML page. Installed on the server and on the servlet context; runs
 * on Jetty's threads and holds no state but the metrics it counts into.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final HttpMetrics metrics;

    JsonErrorHandler(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        write(request, response, callback, code, message);
        metrics.recordUnrouted(request.getMethod(), code, System.nanoTime() - request.getBeginNanoTime());
    }

    /** The answer to a request line so broken that there is no request to hand to {@link #handle}. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String id = UUID.randomUUID().toString();
        SecurityHeaders.apply("", fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(RequestIds.HEADER, id);
        return ByteBuffer.wrap(body(status, reason, id));
    }

    /** Writes a complete JSON error answer with the security headers and a fresh request id. */
    static void write(Request request, Response response, Callback callback, int status, String message) {
        String id = UUID.randomUUID().toString();
        String path = request.getHttpURI().getPath();
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.apply(path == null ? "" : path, headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(RequestIds.HEADER, id);
        response.write(true, ByteBuffer.wrap(body(status, message, id)), callback);
    }

    private static byte[] body(int status, String message, String requestId) {
        io.javalin.http.HttpStatus known = io.javalin.http.HttpStatus.forStatus(status);
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        try {
            return Json.MAPPER.writeValueAsBytes(ApiError.of(ErrorMapper.codeFor(known), text, null, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always serializable", e);
        }
    }
}
