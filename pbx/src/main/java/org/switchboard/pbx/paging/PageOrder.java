package org.switchboard.pbx.paging;

import java.time.Duration;
import java.util.List;

/**
 * What one page or intercom call does. Immutable.
 *
 * @param label the mixer's label and the log's name of the page ({@code page warehouse}, {@code intercom 2001})
 * @param members the extensions whose phones are rung with the auto-answer headers
 * @param oneWay whether the members only listen (a page) or are heard too (intercom)
 * @param beep whether everyone hears a beep before the caller is heard
 * @param maxDuration when the PBX ends the page however it goes
 */
record PageOrder(String label, List<String> members, boolean oneWay, boolean beep, Duration maxDuration) {
    PageOrder {
        members = List.copyOf(members);
    }
}
