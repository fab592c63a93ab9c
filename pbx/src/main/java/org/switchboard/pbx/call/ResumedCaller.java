package org.switchboard.pbx.call;

import java.time.Instant;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * The caller of an answered {@link Call} as an application takes it over after the other party
 * transferred it there (REFER): its INVITE and login, when the call started and was answered, its
 * dialog with the PBX, the call's relay session (the caller on leg A), the caller's session
 * description, the stream the relay carries, the codec in use, the leg's SRTP and the party whose
 * REFER sent it. The dialog, the session and the SRTP state change owner with it. Immutable holder.
 */
record ResumedCaller(ServerTransaction invite, SipLogin login, Instant startedAt, Instant answeredAt, Dialog dialog,
        RelaySession session, SessionDescription sdp, int mediaIndex, String codec, SdesLeg sdes, String transferor) {}
