package org.switchboard.pbx.call;

import java.net.InetAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.registrar.AuthFailureListener;
import org.switchboard.pbx.registrar.CredentialLookup;
import org.switchboard.pbx.registrar.DigestOffers;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Proves that a request comes from an enabled extension, with the registrar's digest check, HA1s
 * and algorithm choice, so one nonce serves every method: an INVITE with a proxy-style 407 and
 * Proxy-Authenticate (RFC 3261 §22.3), a request the PBX serves itself as the UAS (SUBSCRIBE for
 * message waiting) with 401 and WWW-Authenticate like REGISTER (§22.2). The extension's own
 * password and its provisioned devices' own credentials are all accepted for it. Stateless
 * (nonces are HMAC-signed); any executor may use it.
 */
public final class CallerAuthentication {
    private static final Logger log = LoggerFactory.getLogger(CallerAuthentication.class);

    private final DigestAuthenticator authenticator;
    private final CredentialLookup credentials;
    private final DigestOffers offers;
    private final String realm;
    private final AuthFailureListener authFailures;
    private final Challenge style;

    /** Which challenge a request gets: the proxy's (INVITE, 407) or the UAS's (401). */
    public enum Challenge {
        PROXY(407, HeaderName.PROXY_AUTHENTICATE, HeaderName.PROXY_AUTHORIZATION),
        UAS(401, HeaderName.WWW_AUTHENTICATE, HeaderName.AUTHORIZATION);

        private final int status;
        private final String challengeHeader;
        private final String credentialsHeader;

        Challenge(int status, String challengeHeader, String credentialsHeader) {
            this.status = status;
            this.challengeHeader = challengeHeader;
            this.credentialsHeader = credentialsHeader;
        }
    }

    CallerAuthentication(DigestAuthenticator authenticator, CredentialLookup credentials, DigestOffers offers,
            String realm, AuthFailureListener authFailures) {
        this(authenticator, credentials, offers, realm, authFailures, Challenge.PROXY);
    }

    private CallerAuthentication(DigestAuthenticator authenticator, CredentialLookup credentials, DigestOffers offers,
            String realm, AuthFailureListener authFailures, Challenge style) {
        this.style = style;
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.offers = offers;
        this.realm = realm;
        this.authFailures = authFailures;
    }

    /** The check for requests from extensions that {@code registrar} knows, challenged in {@code style}. */
    public static CallerAuthentication of(RegistrarService registrar, String realm, Challenge style) {
        return new CallerAuthentication(registrar.authenticator(), registrar.credentials(), registrar.offers(), realm,
                registrar.authFailures(), style);
    }

    /**
     * Who authenticated the request (the calling extension, and the device when it used a
     * provisioned device's own credentials), or empty when the request was answered here (407 or
     * 401 challenge, 403, or 400 for unreadable credentials).
     */
    public Optional<SipLogin> caller(ServerTransaction tx) {
        SipRequest request = tx.request();
        InetAddress source = tx.flow().remote().getAddress();
        Optional<String> authorization = request.headers().all(style.credentialsHeader).stream()
                .filter(DigestCredentials::isDigestScheme).findFirst();
        if (authorization.isEmpty()) {
            challenge(tx, source, false);
            return Optional.empty();
        }
        AuthResult verdict = authenticator.verify(request.method().name(), request.requestUri().toString(),
                authorization.get(), realm, source, credentials);
        switch (verdict) {
            case AuthResult.Ok ok -> {
                Optional<SipLogin> login = credentials.login(ok.username());
                if (login.filter(SipLogin::enabled).isPresent()) {
                    return login;
                }
                refuse(tx, request.createResponse(403, "Extension Disabled"));
            }
            case AuthResult.Stale stale -> challenge(tx, source, true);
            case AuthResult.Invalid invalid -> {
                log.debug("request refused method={} source={} reason={}", request.method(), source.getHostAddress(),
                        invalid.reason());
                authFailures.failed(AuthFailureListener.Failure.of(tx, request.from().uri() instanceof SipUri uri
                        ? uri.user().orElse("") : ""));
                refuse(tx, request.createResponse(403));
            }
            case AuthResult.Malformed malformed -> refuse(tx, request.createResponse(400, "Bad " + style.credentialsHeader));
        }
        return Optional.empty();
    }

    private void challenge(ServerTransaction tx, InetAddress source, boolean stale) {
        SipRequest request = tx.request();
        // The From user names the calling extension (RFC 3261 §8.1.1.3), whose setting may fix the algorithm.
        Optional<String> extension = request.from().uri() instanceof SipUri uri ? uri.user() : Optional.empty();
        SipResponse response = request.createResponse(style.status);
        for (String value : authenticator.challengeHeaderValues(realm, source, stale,
                offers.offerFor(extension, request.userAgent()))) {
            response = response.withHeader(style.challengeHeader, value);
        }
        refuse(tx, response);
    }

    private static void refuse(ServerTransaction tx, SipResponse response) {
        tx.respond(response.withToTag(RandomTokens.tag()));
    }
}
