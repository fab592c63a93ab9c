package org.switchboard.sip.transport;

/**
 * A byte stream that cannot be cut into messages (a Content-Length that is not a number); the
 * connection is closed because nothing after it can be framed. Thrown on an event loop thread.
 */
public final class FramingException extends RuntimeException {
    public FramingException(String reason) {
        super(reason);
    }
}
