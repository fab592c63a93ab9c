package org.switchboard.pbx.route;

/**
 * One trunk of an outbound route as a call would see it now: whether it is tried and why it comes
 * where it does (the rate in force, the route's order) or why it is skipped. Immutable.
 *
 * @param rateMicros the rate in force for the number, per minute in millionths; -1 when it has none
 */
public record TrunkChoice(String trunk, boolean tried, long rateMicros, String why) {

    /** The choice as one line for {@code GET /api/dialplan/test}. */
    public String describe() {
        return trunk + ": " + (tried ? "" : "skipped, ") + why;
    }
}
