package org.switchboard.sip.app;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * The SIP stack alone under the authenticated REGISTER load of bench/sipp/stackpath.sh (not a
 * test): a REGISTER without credentials gets a fixed digest challenge, one with credentials a 200,
 * both answered at once on the Call-ID's executor like the registrar's refresh path, but without
 * checking the digest or touching a database. So the server's CPU per registration is the cost of
 * the transport, parser, transaction layer and executors only. Prints {@code PORT <n>} and serves
 * until killed.
 */
public final class StackPathServer {
    private static final String CHALLENGE =
            "Digest realm=\"bench\", nonce=\"4f2b8c1d9e7a6b5c4d3e2f1a0b9c8d7e\", algorithm=MD5, qop=\"auth\"";

    private StackPathServer() {}

    public static void main(String[] args) throws InterruptedException {
        MethodRouter router = MethodRouter.builder()
                .on(SipMethod.REGISTER, tx -> {
                    SipRequest request = tx.request();
                    boolean hasCredentials = request.headers().first(HeaderName.AUTHORIZATION).isPresent();
                    tx.respond(hasCredentials
                            ? request.createResponse(200)
                                    .withHeader(HeaderName.CONTACT, request.headers().first(HeaderName.CONTACT).orElse("*"))
                                    .withToTag(RandomTokens.tag())
                            : request.createResponse(401).withHeader(HeaderName.WWW_AUTHENTICATE, CHALLENGE)
                                    .withToTag(RandomTokens.tag()));
                })
                .build();
        SipStack stack = SipStack.start(SipStackSettings.of(
                TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0), new StackCounters()), router);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        System.out.println("PORT " + stack.localAddress(Transport.UDP).getPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
