package org.switchboard.pbx.registrar;

import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.registrar.RegistrarMetrics.Result;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Answers REGISTER (RFC 3261 §10.3): digest challenge (with the algorithms {@link DigestOffers}
 * chooses for the phone) and check against the extensions and the provisioned devices' own
 * credentials (either may register the extension's address of record), the
 * binding rules, write-through of new and removed bindings before the 200 OK (on a virtual thread,
 * the answer posted back to the Call-ID's executor), write-behind of refreshes, the 200 OK listing
 * every binding with its remaining expiry and a Date header, and the registered-phones record.
 * {@link #onRegister} runs on the Call-ID's serial executor and never blocks.
 */
public final class Registrar {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    private static final String DATE = "Date";

    private final RegistrarSettings settings;
    private final DigestAuthenticator authenticator;
    private final CredentialLookup credentials;
    private final DigestOffers offers;
    private final BindingRules rules;
    private final LocationService location;
    private final BindingPersistence persistence;
    private final PhoneTracker phones;
    private final RegistrationFailures failures;
    private final AuthFailureListener authFailures;
    private final RegistrarMetrics metrics;
    private final InstantSource clock;

    Registrar(RegistrarSettings settings, DigestAuthenticator authenticator, CredentialLookup credentials,
            DigestOffers offers, LocationService location, BindingPersistence persistence, PhoneTracker phones,
            RegistrationFailures failures, AuthFailureListener authFailures, RegistrarMetrics metrics,
            InstantSource clock) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.offers = offers;
        this.rules = new BindingRules(settings);
        this.location = location;
        this.persistence = persistence;
        this.phones = phones;
        this.failures = failures;
        this.authFailures = authFailures;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Handles one REGISTER; a {@code RequestHandler} for the {@code MethodRouter}. */
    public void onRegister(ServerTransaction tx) {
        SipRequest request = tx.request();
        InetAddress source = tx.flow().remote().getAddress();
        Optional<String> extension;
        try {
            extension = addressOfRecordUser(request);
        } catch (SipParseException e) {
            finish(tx, Result.BAD_REQUEST, request.createResponse(400, e.getMessage()));
            return;
        }
        if (extension.isEmpty()) {
            finish(tx, Result.BAD_REQUEST, request.createResponse(400, "To must be a sip URI with a user"));
            return;
        }
        Optional<String> authorization = request.headers().all(HeaderName.AUTHORIZATION).stream()
                .filter(DigestCredentials::isDigestScheme).findFirst();
        if (authorization.isEmpty()) {
            challenge(tx, source, extension, false);
            return;
        }
        AuthResult verdict = authenticator.verify(
                request.method().name(), request.requestUri().toString(), authorization.get(), settings.realm(), source,
                credentials);
        switch (verdict) {
            case AuthResult.Malformed m -> finish(tx, Result.BAD_REQUEST, request.createResponse(400, "Bad Authorization"));
            case AuthResult.Stale s -> challenge(tx, source, extension, true);
            case AuthResult.Invalid invalid -> {
                // Unknown extension and wrong password end alike (the decoy HA1 made the same work).
                failures.record(source);
                authFailures.failed(AuthFailureListener.Failure.of(tx, extension.get()));
                log.debug("register refused extension={} source={} reason={}", extension.get(),
                        source.getHostAddress(), invalid.reason());
                finish(tx, Result.FORBIDDEN, request.createResponse(403));
            }
            case AuthResult.Ok ok -> authorized(tx, extension.get(), ok.username());
        }
    }

    private void authorized(ServerTransaction tx, String extension, String username) {
        SipRequest request = tx.request();
        Optional<SipLogin> login = credentials.login(username);
        // RFC 3261 §10.3 step 6: the authenticated user must be allowed to change this AOR; here
        // only its extension's (its own number, or the extension a provisioned device belongs to).
        // A disabled extension proved its password but may not register.
        if (login.isEmpty() || !login.get().extension().equals(extension) || !login.get().enabled()) {
            finish(tx, Result.FORBIDDEN, request.createResponse(403));
            return;
        }
        Instant now = clock.instant();
        BindingUpdate update = rules.evaluate(extension, request, tx.flow(), location.current(extension), now);
        switch (update) {
            case BindingUpdate.Rejected r -> rejected(tx, r);
            case BindingUpdate.Accepted a when a.needsWriteThrough() -> persistence
                    .writeThrough(concat(a.added(), a.refreshed()), a.removed())
                    .whenComplete((done, failure) -> tx.executor().execute(() -> {
                        if (failure == null) {
                            accepted(tx, extension, username, a);
                        } else if (a.removed().isEmpty() && BindingPersistence.isDatabaseFault(failure)) {
                            // Database down or full (logged once by the database): the phone is answered from
                            // memory and its binding written behind when the database is back.
                            persistence.defer(concat(a.added(), a.refreshed()));
                            accepted(tx, extension, username, a);
                        } else {
                            log.warn("binding not saved extension={} reason={}", extension, failure.toString());
                            finish(tx, Result.ERROR, request.createResponse(500).withHeader(HeaderName.RETRY_AFTER, "5"));
                        }
                    }));
            case BindingUpdate.Accepted a -> {
                persistence.writeBehind(a.refreshed());
                accepted(tx, extension, username, a);
            }
        }
    }

    private void accepted(ServerTransaction tx, String extension, String authUser, BindingUpdate.Accepted update) {
        location.apply(extension, concat(update.added(), update.refreshed()),
                update.removed().stream().map(Binding::contactKey).toList());
        Instant now = clock.instant();
        SipResponse ok = tx.request().createResponse(200);
        for (Binding b : location.lookup(extension)) {
            String contact = "<" + b.contactKey() + ">;expires=" + b.remainingSeconds(now)
                    + b.instanceId().map(i -> ";+sip.instance=" + i).orElse("");
            ok = ok.withHeader(HeaderName.CONTACT, contact);
        }
        ok = ok.withHeader(DATE, SipDate.format(now));
        finish(tx, Result.OK, ok);
        if (update.bindsContacts()) {
            Binding first = update.added().isEmpty() ? update.refreshed().getFirst() : update.added().getFirst();
            phones.registered(extension, authUser, tx.request(), tx.flow(), first, now);
        }
        if (!update.added().isEmpty() || !update.removed().isEmpty()) {
            log.info("bindings changed extension={} added={} removed={} source={}", extension, update.added().size(),
                    update.removed().size(), tx.flow().remote());
        }
    }

    private void rejected(ServerTransaction tx, BindingUpdate.Rejected r) {
        SipResponse response = tx.request().createResponse(r.status(), r.reason());
        if (r.minExpiresSeconds().isPresent()) {
            response = response.withHeader(HeaderName.MIN_EXPIRES, Long.toString(r.minExpiresSeconds().getAsLong()));
        }
        Result result = switch (r.status()) {
            case 423 -> Result.INTERVAL_TOO_BRIEF;
            case 500 -> Result.OUT_OF_ORDER;
            default -> Result.BAD_REQUEST;
        };
        finish(tx, result, response);
    }

    private void challenge(ServerTransaction tx, InetAddress source, Optional<String> extension, boolean stale) {
        SipResponse response = tx.request().createResponse(401);
        List<DigestAlgorithm> offer = offers.offerFor(extension, tx.request().userAgent());
        for (String value : authenticator.challengeHeaderValues(settings.realm(), source, stale, offer)) {
            response = response.withHeader(HeaderName.WWW_AUTHENTICATE, value);
        }
        finish(tx, stale ? Result.STALE : Result.CHALLENGED, response);
    }

    private void finish(ServerTransaction tx, Result result, SipResponse response) {
        metrics.count(result);
        tx.respond(response.withToTag(RandomTokens.tag()));
    }

    /** The extension named by the To URI's user part (RFC 3261 §10.3 step 5). */
    private static Optional<String> addressOfRecordUser(SipRequest request) {
        return request.to().uri() instanceof SipUri uri ? uri.user() : Optional.empty();
    }

    private static List<Binding> concat(List<Binding> a, List<Binding> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
