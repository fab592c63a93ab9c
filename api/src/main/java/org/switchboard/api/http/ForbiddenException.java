package org.switchboard.api.http;

/** An authenticated admin asked for something the account's role does not allow (HTTP 403). */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
