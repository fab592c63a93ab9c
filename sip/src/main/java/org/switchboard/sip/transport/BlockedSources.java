package org.switchboard.sip.transport;

import java.net.InetAddress;

/**
 * Whether a source address is banned: its datagrams are dropped unanswered and its connections
 * closed at once. Asked on event loop threads for every message, so an implementation answers
 * from memory, without blocking.
 */
@FunctionalInterface
public interface BlockedSources {
    boolean isBlocked(InetAddress source);

    /** Nobody is banned. */
    BlockedSources NONE = source -> false;
}
