package org.switchboard.pbx.call.timer;

import java.time.Duration;

/**
 * When a leg's session timer next needs the PBX (RFC 4028): as the refresher it refreshes at half
 * the interval (§7.4, §9); otherwise it gives up on the session, with BYE, if no refresh came by
 * the interval minus a third of it or 32 seconds, whichever is less (§10). Immutable.
 */
public record RefreshSchedule(Duty duty, Duration after) {

    /** What the PBX does when the time comes. */
    public enum Duty {
        /** Send a session refresh (re-INVITE or UPDATE) on the leg. */
        REFRESH,
        /** No refresh arrived: end the call with BYE. */
        EXPIRE
    }

    /**
     * The schedule for a granted interval.
     *
     * @param pbxIsUac whether the PBX sent the INVITE that set up (or last refreshed) this leg's dialog
     */
    public static RefreshSchedule of(SessionExpires granted, boolean pbxIsUac) {
        Refresher refresher = granted.refresher().orElse(Refresher.UAS);
        boolean pbxRefreshes = (refresher == Refresher.UAC) == pbxIsUac;
        Duration interval = granted.interval();
        if (pbxRefreshes) {
            return new RefreshSchedule(Duty.REFRESH, interval.dividedBy(2));
        }
        Duration margin = interval.dividedBy(3);
        return new RefreshSchedule(Duty.EXPIRE, interval.minus(margin.compareTo(Duration.ofSeconds(32)) < 0 ? margin : Duration.ofSeconds(32)));
    }
}
