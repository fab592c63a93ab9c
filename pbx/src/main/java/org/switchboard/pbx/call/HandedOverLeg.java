package org.switchboard.pbx.call;

import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.transport.NextHop;

/**
 * An answered leg moving from one call to another (attended transfer): the phone's party, its
 * dialog with the PBX and where it is reached. The dialog is mutable and changes owner with the
 * leg: the call handing it over stops touching it once it has posted this to the other call's
 * executor, which owns it from then on (or hands it back by refusing).
 */
public record HandedOverLeg(String party, Dialog dialog, NextHop hop) {

    /** The leg's Call-ID. */
    public String callId() {
        return dialog.id().callId();
    }
}
