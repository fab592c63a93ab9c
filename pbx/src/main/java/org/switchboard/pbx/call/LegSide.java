package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.transport.NextHop;

/**
 * The dialog side of a leg the PBX holds for an application ({@link PbxAnsweredCall}): what differs
 * between a caller whose INVITE the PBX answered (it is the UAS: {@link AnsweredInvite}) and a
 * party the PBX rang itself (it is the UAC: {@link RungParty}). Everything else, the media endpoint,
 * the application's operations, in-dialog requests, the CDR, is the same for both.
 */
sealed interface LegSide permits AnsweredInvite, RungParty {

    /** The call's id. */
    String callId();

    /** The call's serial executor. */
    Executor executor();

    /** The extension at the other end of the dialog, and its login for the CDR. */
    SipLogin party();

    /** What the call is for: the number the caller dialled, or what the originator named. */
    String dialled();

    /** The party's display name, empty when none. */
    String displayName();

    /** Where the party's requests come from and ours go, as the CDR and the API show it. */
    InetSocketAddress remote();

    /** Where in-dialog requests to the party go. */
    NextHop hop();

    /** The hang-up cause when the party sends BYE. */
    String byeCause();
}
