package org.switchboard.sip.it;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestServerSettings;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.dialog.DialogTable;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * A minimal registrar and answering UAS built on the stack, for the SIPp integration tests:
 * OPTIONS → 200, REGISTER with digest (sip.auth) → 401 then 200, INVITE → 180, 200 with a dialog,
 * BYE → 200 (481 outside a dialog). Callbacks run on the stack's call executors.
 */
final class TestUas implements AutoCloseable {
    static final String USER = "1001";
    static final String PASSWORD = "s3cret";
    static final String REALM = "switchboard.test";
    private static final String SDP = "v=0\r\no=uas 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    final StackCounters counters = new StackCounters();
    final AtomicInteger registrations = new AtomicInteger();
    final AtomicInteger confirmedCalls = new AtomicInteger();
    final AtomicInteger endedCalls = new AtomicInteger();
    private final DialogTable dialogs = new DialogTable();
    private final DigestAuthenticator digest = new DigestAuthenticator(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            // SIPp 3.6 answers MD5 challenges only.
            new DigestServerSettings(DigestServerSettings.DEFAULT_NONCE_LIFETIME, false,
                    DigestServerSettings.DEFAULT_NONCE_COUNT_CAPACITY, List.of(DigestAlgorithm.MD5)),
            Clock.systemUTC());
    private final SipStack stack;

    TestUas() {
        MethodRouter router = MethodRouter.builder()
                .on(SipMethod.OPTIONS, this::options)
                .on(SipMethod.REGISTER, this::register)
                .on(SipMethod.INVITE, this::invite)
                .on(SipMethod.BYE, this::bye)
                .onAck(this::ack)
                .dialogs(dialogs)
                .build();
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0), counters),
                router);
    }

    int port(Transport transport) {
        return stack.localAddress(transport).getPort();
    }

    int openDialogs() {
        return dialogs.size();
    }

    private void options(ServerTransaction tx) {
        tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag())
                .withHeader(HeaderName.ALLOW, "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER"));
    }

    private void register(ServerTransaction tx) {
        SipRequest request = tx.request();
        InetAddress client = tx.flow().remote().getAddress();
        Optional<String> credentials = request.headers().first(HeaderName.AUTHORIZATION);
        AuthResult result = credentials.isEmpty() ? new AuthResult.Invalid("no credentials")
                : digest.verify(request.method().name(), request.requestUri().toString(), credentials.get(), REALM, client,
                        (user, realm, algorithm) -> user.equals(USER) && realm.equals(REALM)
                                ? Optional.of(algorithm.ha1(USER, REALM, PASSWORD)) : Optional.empty());
        switch (result) {
            case AuthResult.Ok ok -> {
                registrations.incrementAndGet();
                SipResponse response = request.createResponse(200).withToTag(RandomTokens.tag());
                for (String contact : request.headers().values(HeaderName.CONTACT)) {
                    response = response.withHeader(HeaderName.CONTACT, contact + ";expires=300");
                }
                tx.respond(response);
            }
            case AuthResult.Stale stale -> tx.respond(challenge(tx, true));
            case AuthResult.Invalid invalid -> tx.respond(challenge(tx, false));
            case AuthResult.Malformed malformed -> tx.respond(
                    request.createResponse(400, "Malformed Authorization").withToTag(RandomTokens.tag()));
        }
    }

    private SipResponse challenge(ServerTransaction tx, boolean stale) {
        SipResponse response = tx.request().createResponse(401).withToTag(RandomTokens.tag());
        for (String value : digest.challengeHeaderValues(REALM, tx.flow().remote().getAddress(), stale)) {
            response = response.withHeader(HeaderName.WWW_AUTHENTICATE, value);
        }
        return response;
    }

    private void invite(ServerTransaction tx) {
        SipRequest request = tx.request();
        String tag = RandomTokens.tag();
        tx.respond(request.createResponse(180).withToTag(tag));
        Flow flow = tx.flow();
        String contact = "<sip:uas@127.0.0.1:" + flow.local().getPort() + ";transport="
                + flow.transport().viaName().toLowerCase(Locale.ROOT) + ">";
        SipResponse ok = request.createResponse(200).withToTag(tag).withHeader(HeaderName.CONTACT, contact);
        for (String recordRoute : request.headers().values(HeaderName.RECORD_ROUTE)) {
            ok = ok.withHeader(HeaderName.RECORD_ROUTE, recordRoute); // §12.1.1: echoed in the 2xx
        }
        ok = ok.withBody("application/sdp", SDP.getBytes(StandardCharsets.US_ASCII));
        dialogs.add(Dialog.asUas(request, ok));
        tx.respond(ok);
    }

    private void ack(SipRequest ack, Flow flow) {
        dialogs.find(ack).ifPresent(dialog -> confirmedCalls.incrementAndGet());
    }

    private void bye(ServerTransaction tx) {
        // The router answered 481 already when the dialog is unknown.
        Optional<Dialog> dialog = dialogs.find(tx.request());
        if (dialog.isEmpty() || dialog.get().receive(tx.request()).isPresent()) {
            tx.respond(tx.request().createResponse(500));
            return;
        }
        dialogs.remove(dialog.get().id());
        endedCalls.incrementAndGet();
        tx.respond(tx.request().createResponse(200));
    }

    @Override
    public void close() {
        stack.close();
    }
}
