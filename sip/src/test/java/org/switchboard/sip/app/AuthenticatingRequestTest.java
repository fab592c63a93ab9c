package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * A UAC request answering digest challenges, between two real stacks over UDP on loopback: the
 * 401 is answered with the next CSeq and Authorization, a 407 with Proxy-Authorization, the same
 * nonce again is not answered twice (a wrong password ends in the server's 401, not a loop), and a
 * stale nonce is answered again.
 */
class AuthenticatingRequestTest {
    private static final String CHALLENGE = "Digest realm=\"carrier.test\", nonce=\"n-1\", qop=\"auth\", algorithm=MD5";

    private final Queue<SipRequest> received = new ConcurrentLinkedQueue<>();
    private SipStack server;
    private SipStack client;

    /** A server answering the n-th REGISTER with the n-th status and header (the last one repeats). */
    private void serve(List<Function<SipRequest, SipResponse>> answers) {
        server = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new StackCounters()), MethodRouter.builder().on(SipMethod.REGISTER, tx -> {
                    received.add(tx.request());
                    int n = Math.min(received.size(), answers.size()) - 1;
                    tx.respond(answers.get(n).apply(tx.request()));
                }).build());
        client = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new StackCounters()), MethodRouter.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Function<SipRequest, SipResponse> reply(int status, String header, String value) {
        return request -> request.createResponse(status).withToTag(RandomTokens.tag()).withHeader(header, value);
    }

    private static Function<SipRequest, SipResponse> ok() {
        return request -> request.createResponse(200).withToTag(RandomTokens.tag());
    }

    private SipResponse register(String password) throws Exception {
        SipUri registrar = SipUri.parse("sip:127.0.0.1:" + server.localAddress(Transport.UDP).getPort());
        NameAddress aor = NameAddress.of(SipUri.of("alice", "127.0.0.1"));
        SipRequest request = SipRequest.builder(SipMethod.REGISTER, registrar).from(aor.withTag("f1")).to(aor)
                .callId(RandomTokens.callId()).cseq(7).maxForwards(70).header(HeaderName.EXPIRES, "60").build();
        CompletableFuture<SipResponse> outcome = new CompletableFuture<>();
        AuthenticatingRequest.send(client, request, new NextHop(Transport.UDP, server.localAddress(Transport.UDP)),
                Optional.of(new DigestClient("alice", new ClientSecret.Password(password))),
                new AuthenticatingRequest.Outcome() {
                    @Override
                    public void onFinal(SipRequest sent, SipResponse response) {
                        outcome.complete(response);
                    }

                    @Override
                    public void onNoResponse(SipRequest sent, String reason) {
                        outcome.completeExceptionally(new AssertionError(reason));
                    }
                });
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a401IsAnsweredWithTheNextCSeqAndValidCredentials() throws Exception {
        serve(List.of(reply(401, HeaderName.WWW_AUTHENTICATE, CHALLENGE), ok()));

        assertThat(register("pw-1").status()).isEqualTo(200);

        assertThat(received).hasSize(2);
        SipRequest answered = received.stream().skip(1).findFirst().orElseThrow();
        assertThat(answered.cseq().number()).isEqualTo(8);
        assertThat(answered.callId()).isEqualTo(received.peek().callId());
        DigestCredentials credentials = ((ParseResult.Parsed<DigestCredentials>) DigestCredentials.parse(
                answered.headers().first(HeaderName.AUTHORIZATION).orElseThrow())).value();
        String ha1 = credentials.algorithm().ha1("alice", "carrier.test", "pw-1");
        String expected = credentials.algorithm().response(ha1, "n-1", credentials.qopAuth().orElseThrow().nc(),
                credentials.qopAuth().orElseThrow().cnonce(), "auth",
                credentials.algorithm().ha2("REGISTER", answered.requestUri().toString()));
        assertThat(credentials.response()).isEqualTo(expected);
    }

    @Test
    void a407IsAnsweredWithProxyAuthorization() throws Exception {
        serve(List.of(reply(407, HeaderName.PROXY_AUTHENTICATE, CHALLENGE), ok()));

        assertThat(register("pw-1").status()).isEqualTo(200);

        SipRequest answered = received.stream().skip(1).findFirst().orElseThrow();
        assertThat(answered.headers().first(HeaderName.PROXY_AUTHORIZATION)).isPresent();
        assertThat(answered.headers().first(HeaderName.AUTHORIZATION)).isEmpty();
    }

    @Test
    void theSameNonceAgainEndsInTheServersAnswerInsteadOfALoop() throws Exception {
        serve(List.of(reply(401, HeaderName.WWW_AUTHENTICATE, CHALLENGE)));

        assertThat(register("wrong").status()).isEqualTo(401);

        assertThat(received).as("the first REGISTER and one answer, no more").hasSize(2);
    }

    @Test
    void aStaleNonceIsAnsweredAgain() throws Exception {
        serve(List.of(reply(401, HeaderName.WWW_AUTHENTICATE, CHALLENGE),
                reply(401, HeaderName.WWW_AUTHENTICATE, CHALLENGE + ", stale=true"), ok()));

        assertThat(register("pw-1").status()).isEqualTo(200);

        assertThat(received).hasSize(3);
        assertThat(received.stream().map(r -> r.cseq().number()).toList()).containsExactly(7L, 8L, 9L);
    }
}
