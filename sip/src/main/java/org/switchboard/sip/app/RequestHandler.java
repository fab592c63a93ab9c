package org.switchboard.sip.app;

import org.switchboard.sip.transaction.ServerTransaction;

/** Handles the requests of one method; runs on the Call-ID's serial executor and must not block. */
@FunctionalInterface
public interface RequestHandler {
    void handle(ServerTransaction transaction);
}
