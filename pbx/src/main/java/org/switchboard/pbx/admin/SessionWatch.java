package org.switchboard.pbx.admin;

/** A registration made by {@link AdminAuthService#watchSession}; closing it (any thread) stops the watching. */
public interface SessionWatch extends AutoCloseable {
    @Override
    void close();
}
