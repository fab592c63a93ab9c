package org.switchboard.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.Uri;
import org.switchboard.sip.transport.NextHop;

/**
 * One dialog's state (RFC 3261 §12): id, local and remote party, local and remote CSeq, remote
 * target and route set; builds in-dialog requests (BYE, re-INVITE, ACK for a 2xx) and checks
 * in-dialog requests received. Owned by the serial executor of its Call-ID; not thread-safe.
 */
public final class Dialog {
    private final DialogId id;
    private final NameAddress local;
    private final NameAddress remote;
    private final List<NameAddress> routeSet;
    private final boolean secure;
    private Uri remoteTarget;
    private long localSeq;
    private OptionalLong remoteSeq;

    private Dialog(DialogId id, NameAddress local, NameAddress remote, List<NameAddress> routeSet, boolean secure,
            Uri remoteTarget, long localSeq, OptionalLong remoteSeq) {
        this.id = id;
        this.local = local;
        this.remote = remote;
        this.routeSet = List.copyOf(routeSet);
        this.secure = secure;
        this.remoteTarget = remoteTarget;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
    }

    /**
     * The UAS side (§12.1.1), created when we answer {@code request} with {@code response}, which
     * carries our To tag: route set from the request's Record-Route in order, remote target from
     * its Contact.
     */
    public static Dialog asUas(SipRequest request, SipResponse response) {
        NameAddress local = response.to();
        String localTag = local.tag().orElseThrow(() -> new IllegalArgumentException("response has no To tag"));
        NameAddress remote = request.from();
        DialogId id = new DialogId(request.callId(), localTag, remote.tag().orElse(""));
        return new Dialog(id, local, remote, request.recordRoutes(), isSecure(request.requestUri()),
                remoteTarget(request.contacts(), remote), 0, OptionalLong.of(request.cseq().number()));
    }

    /**
     * The UAC side (§12.1.2), created from a 2xx (or tagged 1xx) to our {@code request}: route set
     * from the response's Record-Route reversed, remote target from its Contact.
     */
    public static Dialog asUac(SipRequest request, SipResponse response) {
        NameAddress remote = response.to();
        String remoteTag = remote.tag().orElseThrow(() -> new IllegalArgumentException("response has no To tag"));
        NameAddress local = request.from();
        DialogId id = new DialogId(request.callId(), local.tag().orElse(""), remoteTag);
        List<NameAddress> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        return new Dialog(id, local, remote, routes, isSecure(request.requestUri()),
                remoteTarget(response.contacts(), remote), request.cseq().number(), OptionalLong.empty());
    }

    public DialogId id() {
        return id;
    }

    public Uri remoteTarget() {
        return remoteTarget;
    }

    public List<NameAddress> routeSet() {
        return routeSet;
    }

    public long localSeq() {
        return localSeq;
    }

    public OptionalLong remoteSeq() {
        return remoteSeq;
    }

    /**
     * A new in-dialog request (§12.2.1.1) with the next local CSeq: Request-URI and Route from
     * the route set and remote target (strict routing when the first route lacks {@code lr}).
     */
    public SipRequest.Builder newRequest(SipMethod method) {
        if (method.equals(SipMethod.ACK) || method.equals(SipMethod.CANCEL)) {
            throw new IllegalArgumentException(method + " takes the CSeq of its INVITE; use ack()");
        }
        localSeq++;
        return request(method, localSeq);
    }

    /** The ACK for a 2xx to the INVITE with CSeq {@code inviteSeq} (§13.2.2.4). */
    public SipRequest ack(long inviteSeq) {
        return request(SipMethod.ACK, inviteSeq).build();
    }

    /**
     * Checks an in-dialog request we received (§12.2.2): a CSeq lower than the last one is refused
     * with 500; a re-INVITE or UPDATE carrying Contact refreshes the remote target.
     *
     * @return the status to reject the request with, empty when it is in order
     */
    public OptionalInt receive(SipRequest request) {
        long seq = request.cseq().number();
        if (!request.method().equals(SipMethod.ACK) && !request.method().equals(SipMethod.CANCEL)) {
            if (remoteSeq.isPresent() && seq <= remoteSeq.getAsLong()) {
                return OptionalInt.of(500); // §12.2.2: out of order
            }
            remoteSeq = OptionalLong.of(seq);
        }
        if (isTargetRefresh(request.method()) && !request.contacts().isEmpty()) {
            remoteTarget = request.contacts().getFirst().uri();
        }
        return OptionalInt.empty();
    }

    /** A 2xx to our re-INVITE or UPDATE refreshes the remote target (§12.2.1.2). */
    public void receiveTargetRefreshResponse(SipResponse response) {
        if (response.isSuccess() && isTargetRefresh(response.cseq().method()) && !response.contacts().isEmpty()) {
            remoteTarget = response.contacts().getFirst().uri();
        }
    }

    /** Where the next in-dialog request goes: the first route, else the remote target. */
    public NextHop nextHop() {
        Uri first = routeSet.isEmpty() ? remoteTarget : routeSet.getFirst().uri();
        if (!(first instanceof SipUri sip)) {
            throw new IllegalArgumentException("next hop is not a SIP URI: " + first);
        }
        return NextHop.of(sip);
    }

    private SipRequest.Builder request(SipMethod method, long seq) {
        boolean strict = !routeSet.isEmpty() && routeSet.getFirst().uri() instanceof SipUri first && !first.isLooseRouting();
        Uri requestUri = strict ? routeSet.getFirst().uri() : remoteTarget;
        SipRequest.Builder b = SipRequest.builder(method, requestUri)
                .from(local)
                .to(remote)
                .callId(id.callId())
                .cseq(seq)
                .maxForwards(70);
        List<NameAddress> routes = strict ? routeSet.subList(1, routeSet.size()) : routeSet;
        for (NameAddress route : routes) {
            b.route(route);
        }
        if (strict) {
            b.route(NameAddress.of(remoteTarget)); // §12.2.1.1: the remote target goes last
        }
        return b;
    }

    private static boolean isTargetRefresh(SipMethod method) {
        return method.equals(SipMethod.INVITE) || method.equals(SipMethod.UPDATE);
    }

    private static boolean isSecure(Uri uri) {
        return uri instanceof SipUri sip && sip.secure();
    }

    private static Uri remoteTarget(List<NameAddress> contacts, NameAddress fallback) {
        return contacts.isEmpty() ? fallback.uri() : contacts.getFirst().uri();
    }

    /** Whether requests in this dialog must use sips (§12.1.1). */
    public boolean isSecure() {
        return secure;
    }

    /** The remote party with its tag, as it appears in our To header. */
    public NameAddress remoteParty() {
        return remote;
    }

    /** The local party with its tag, as it appears in our From header. */
    public NameAddress localParty() {
        return local;
    }
}
