package org.switchboard.pbx.call;

/** The states of a call as the API shows them. */
public enum CallState {
    /** The INVITE is being authenticated and routed, callee legs not yet ringing. */
    SETTING_UP,
    /** At least one callee contact answered 180/183. */
    RINGING,
    /** Answered; media flows. */
    ANSWERED,
    /** Answered and one side put the other on hold (sendonly/inactive). */
    ON_HOLD,
    /** A BYE, CANCEL or hang-up is being completed. */
    ENDING
}
