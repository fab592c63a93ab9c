package org.switchboard.pbx.call;

import java.net.InetAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.registrar.AuthFailureListener;
import org.switchboard.pbx.registrar.CredentialLookup;
import org.switchboard.pbx.registrar.DigestOffers;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Proves that an INVITE comes from an enabled extension (RFC 3261 §22.3: a proxy-style 407 with
 * Proxy-Authenticate), with the registrar's digest check, HA1s and algorithm choice, so one nonce
 * serves both. The extension's own password and its provisioned devices' own credentials are all
 * accepted for it. Stateless (nonces are HMAC-signed); any call executor may use it.
 */
final class CallerAuthentication {
    private static final Logger log = LoggerFactory.getLogger(CallerAuthentication.class);

    private final DigestAuthenticator authenticator;
    private final CredentialLookup credentials;
    private final DigestOffers offers;
    private final String realm;
    private final AuthFailureListener authFailures;

    CallerAuthentication(DigestAuthenticator authenticator, CredentialLookup credentials, DigestOffers offers,
            String realm, AuthFailureListener authFailures) {
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.offers = offers;
        this.realm = realm;
        this.authFailures = authFailures;
    }

    /**
     * Who authenticated the INVITE (the calling extension, and the device when it used a
     * provisioned device's own credentials), or empty when the INVITE was answered here (407
     * challenge, 403, or 400 for unreadable credentials).
     */
    Optional<SipLogin> caller(ServerTransaction tx) {
        SipRequest request = tx.request();
        InetAddress source = tx.flow().remote().getAddress();
        Optional<String> authorization = request.headers().first(HeaderName.PROXY_AUTHORIZATION);
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
                log.debug("invite refused source={} reason={}", source.getHostAddress(), invalid.reason());
                authFailures.failed(AuthFailureListener.Failure.of(tx, request.from().uri() instanceof SipUri uri
                        ? uri.user().orElse("") : ""));
                refuse(tx, request.createResponse(403));
            }
            case AuthResult.Malformed malformed -> refuse(tx, request.createResponse(400, "Bad Proxy-Authorization"));
        }
        return Optional.empty();
    }

    private void challenge(ServerTransaction tx, InetAddress source, boolean stale) {
        SipRequest request = tx.request();
        // The From user names the calling extension (RFC 3261 §8.1.1.3), whose setting may fix the algorithm.
        Optional<String> extension = request.from().uri() instanceof SipUri uri ? uri.user() : Optional.empty();
        SipResponse response = request.createResponse(407);
        for (String value : authenticator.challengeHeaderValues(realm, source, stale,
                offers.offerFor(extension, request.userAgent()))) {
            response = response.withHeader(HeaderName.PROXY_AUTHENTICATE, value);
        }
        refuse(tx, response);
    }

    private static void refuse(ServerTransaction tx, SipResponse response) {
        tx.respond(response.withToTag(RandomTokens.tag()));
    }
}
