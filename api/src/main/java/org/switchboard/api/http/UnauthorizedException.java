package org.switchboard.api.http;

/** A request to a protected route without a valid bearer token (HTTP 401). */
public final class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
