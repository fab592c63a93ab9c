package org.switchboard.sip.app;

import java.util.List;
import java.util.Optional;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.sip.message.CSeq;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * The answer to a 401 or 407 for one request a user agent client sends (RFC 3261 §8.1.3.5,
 * §22.2-22.3): the request again with {@code Authorization} or {@code Proxy-Authorization}, the
 * next CSeq and (from the transaction layer) a new branch. A nonce is answered once unless the
 * server says it was merely {@code stale}, and at most three challenges are answered, so wrong
 * credentials end in the server's refusal instead of a loop. The one copy behind {@link
 * AuthenticatingRequest} (REGISTER, OPTIONS) and INVITEs to carriers. Owned by the executor of the
 * request's Call-ID, like the {@link DigestClient}.
 */
public final class ChallengeAnswer {
    /** At most this many challenges per request: a server that challenges every answer anew is refused. */
    private static final int MAX_CHALLENGES = 3;

    private final DigestClient digest;
    private String answeredNonce;
    private int challenges;

    public ChallengeAnswer(DigestClient digest) {
        this.digest = digest;
    }

    /** Whether {@code response} is a challenge this class answers (401 or 407). */
    public static boolean isChallenge(SipResponse response) {
        return response.status() == 401 || response.status() == 407;
    }

    /**
     * {@code sent} again with credentials for {@code challenge}, or empty when it must not be
     * answered (no digest challenge we can answer, the same nonce refused again, too many).
     * {@code sent} carries no Via: the transaction layer pushes one with a new branch on every send.
     */
    public Optional<SipRequest> retry(SipRequest sent, SipResponse challenge) {
        if (!isChallenge(challenge) || ++challenges > MAX_CHALLENGES) {
            return Optional.empty();
        }
        boolean www = challenge.status() == 401;
        List<String> values = challenge.headers().all(www ? HeaderName.WWW_AUTHENTICATE : HeaderName.PROXY_AUTHENTICATE);
        boolean stale = values.stream().map(DigestChallenge::parse)
                .anyMatch(r -> r instanceof ParseResult.Parsed<DigestChallenge> p && p.value().stale());
        return switch (digest.answer(values, sent.method().name(), sent.requestUri().toString())) {
            case ParseResult.Failed<DigestCredentials> f -> Optional.empty();
            // The same nonce again without stale=true: the credentials themselves were refused.
            case ParseResult.Parsed<DigestCredentials> p when p.value().nonce().equals(answeredNonce) && !stale ->
                    Optional.empty();
            case ParseResult.Parsed<DigestCredentials> p -> {
                answeredNonce = p.value().nonce();
                CSeq next = new CSeq(sent.cseq().number() + 1, sent.method());
                yield Optional.of(sent
                        .withHeaderReplaced(HeaderName.CSEQ, next.toString())
                        .withHeaderReplaced(www ? HeaderName.AUTHORIZATION : HeaderName.PROXY_AUTHORIZATION,
                                p.value().toHeaderValue()));
            }
        };
    }
}
