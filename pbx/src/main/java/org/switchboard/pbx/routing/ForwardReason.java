package org.switchboard.pbx.routing;

import java.util.Locale;

/** Why a call moved from one extension to another. Immutable. */
public enum ForwardReason {
    /** Forward always is on: the extension does not ring. */
    ALWAYS,
    /** Do-not-disturb is on and forward on busy gives a target. */
    DO_NOT_DISTURB,
    /** The extension's phones answered busy; forward on busy gives a target. */
    BUSY,
    /** No phone is registered; forward on no answer gives a target. */
    UNREGISTERED,
    /** The extension rang for its no-answer time; forward on no answer gives a target. */
    NO_ANSWER;

    /** The name used in explanations and JSON: {@code do_not_disturb}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
