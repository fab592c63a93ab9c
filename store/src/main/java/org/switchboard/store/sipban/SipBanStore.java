package org.switchboard.store.sipban;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/** What the SIP ban list may ask of the database. Blocking; call from virtual threads, never an event loop. */
public interface SipBanStore {
    /** Bans a source, or renews its ban (new reason, failures and expiry) when it has a row already. */
    SipBan ban(NewSipBan ban, Instant now);

    /** The bans that still hold at {@code now}, soonest expiring first. */
    List<SipBan> active(Instant now);

    /** Lifts the ban on {@code address}; {@code NotFoundException} when it has none that holds at {@code now}. */
    void lift(InetAddress address, Instant now);

    /** Deletes the rows of bans that ended before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
