package org.switchboard.sip.app;

import java.util.Optional;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transport.NextHop;

/**
 * A non-INVITE request we send as a user agent client (REGISTER, OPTIONS...) whose 401 or 407 is
 * answered with digest credentials and sent again (RFC 3261 §8.1.3.5, §22.2-22.3): the retry
 * gets the next CSeq and a new branch, and the caller hears only the final outcome. A challenge
 * is answered once per nonce, unless the server says the nonce was merely {@code stale}, so a
 * wrong password ends in the server's 401 instead of a loop. Everything runs on the executor of
 * the request's Call-ID, which owns the {@link DigestClient}.
 */
public final class AuthenticatingRequest implements ClientTransactionListener<SipResponse> {

    /** What became of the request; called once, on the executor of its Call-ID. */
    public interface Outcome {
        /**
         * A final response, after any challenge was answered.
         *
         * @param sent the last request sent (its CSeq is the one a next request must exceed)
         */
        void onFinal(SipRequest sent, SipResponse response);

        /** No final response: Timer F fired, or the transport could not send (RFC 3261 §8.1.3.1). */
        void onNoResponse(SipRequest sent, String reason);
    }

    private final SipStack stack;
    private final NextHop hop;
    private final Optional<DigestClient> digest;
    private final Outcome outcome;
    private final Optional<ChallengeAnswer> challenges;
    private SipRequest sent;

    private AuthenticatingRequest(SipStack stack, NextHop hop, Optional<DigestClient> digest, Outcome outcome) {
        this.stack = stack;
        this.hop = hop;
        this.digest = digest;
        this.challenges = digest.map(ChallengeAnswer::new);
        this.outcome = outcome;
    }

    /**
     * Sends {@code request} to {@code hop}. With a digest client, credentials from the last
     * answered challenge are added at once when they can be reused (a refresh spares the round
     * trip), and a challenge is answered. Any thread may call.
     *
     * @param digest the credentials to answer with; empty to report a challenge as the final response
     */
    public static void send(SipStack stack, SipRequest request, NextHop hop, Optional<DigestClient> digest,
            Outcome outcome) {
        AuthenticatingRequest tx = new AuthenticatingRequest(stack, hop, digest, outcome);
        stack.executorFor(request.callId()).execute(() -> tx.start(request));
    }

    private void start(SipRequest request) {
        SipRequest first = request;
        if (digest.isPresent()) {
            Optional<DigestCredentials> reused = digest.get().reuse(request.method().name(), request.requestUri().toString());
            if (reused.isPresent()) {
                first = request.withHeaderReplaced(HeaderName.AUTHORIZATION, reused.get().toHeaderValue());
            }
        }
        transmit(first);
    }

    private void transmit(SipRequest request) {
        sent = request;
        stack.send(request, hop.transport(), hop.address(), this);
    }

    @Override
    public void onProvisional(SipResponse response) {
        // Nothing to do for a non-INVITE: the final response or Timer F follows.
    }

    @Override
    public void onFinal(SipResponse response) {
        Optional<SipRequest> retry = challenges.flatMap(c -> c.retry(sent, response));
        if (retry.isPresent()) {
            transmit(retry.get());
            return;
        }
        outcome.onFinal(sent, response);
    }

    @Override
    public void onTimeout() {
        outcome.onNoResponse(sent, "no response (timeout)");
    }

    @Override
    public void onTransportError(Throwable cause) {
        outcome.onNoResponse(sent, "could not send: " + cause.getMessage());
    }
}
