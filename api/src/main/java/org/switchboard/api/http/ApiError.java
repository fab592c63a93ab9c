package org.switchboard.api.http;

/**
 * The body of every error response: {@code {"error":{"code","message","field","request_id"}}}.
 * Immutable; built by {@link ErrorMapper} on the request's thread.
 */
public record ApiError(Detail error) {

    /** What went wrong; {@code field} and {@code requestId} are omitted from JSON when null. */
    public record Detail(String code, String message, String field, String requestId) {}

    public static ApiError of(String code, String message, String field, String requestId) {
        return new ApiError(new Detail(code, message, field, requestId));
    }
}
