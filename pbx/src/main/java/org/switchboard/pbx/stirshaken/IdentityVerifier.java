package org.switchboard.pbx.stirshaken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Verifies the Identity header of an incoming call (RFC 8224 §6.2, ATIS-1000074 §5.3): the cheap
 * checks first (header form, {@code alg}/{@code ppt}/{@code typ}, {@code iat} freshness, {@code
 * orig}/{@code dest} against the INVITE's numbers), then the signer's certificate from its
 * {@code x5u} (cached by {@link CertificateRepository}), its chain to a trust anchor, and the
 * ES256 signature. Never blocks the caller: the work runs on virtual threads and the returned
 * future completes within the configured time, with No-TN-Validation if the verification has not
 * finished by then, and never exceptionally. Thread-safe; immutable apart from the shared cache.
 */
public final class IdentityVerifier implements AutoCloseable {
    private final TrustAnchors anchors;
    private final CertificateRepository certificates;
    private final Duration iatWindow;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("stir-verify-", 0).factory());

    public IdentityVerifier(TrustAnchors anchors, CertificateRepository certificates, Duration iatWindow,
            Duration timeout, Clock clock) {
        this.anchors = anchors;
        this.certificates = certificates;
        this.iatWindow = iatWindow;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A PASSporT that passed the checks that need no certificate. */
    private record Candidate(JWSObject jws, URI x5u, PassportClaims claims) {}

    /** The verification of a call with these numbers; see the class comment for the guarantees. */
    public CompletableFuture<Verification> verify(CallNumbers call) {
        if (call.identity().isEmpty()) {
            return CompletableFuture.completedFuture(Verification.notVerified("no Identity header"));
        }
        CompletableFuture<Verification> result = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                Instant now = clock.instant();
                switch (precheck(call.identity().get(), call, now)) {
                    case Verification failed -> result.complete(failed);
                    case Candidate candidate -> certificates.certificates(candidate.x5u()).whenCompleteAsync(
                            (chain, error) -> result.complete(error != null
                                    ? Verification.failed(436, "certificate " + cause(error).getMessage())
                                    : checkSigner(candidate, chain, now)), workers);
                    default -> throw new IllegalStateException();
                }
            } catch (RuntimeException e) {
                result.complete(Verification.notVerified("verification error: " + e));
            }
        });
        return result.completeOnTimeout(Verification.notVerified("verification took longer than " + timeout.toMillis() + " ms"),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A {@link Verification} (failed) or a {@link Candidate} worth fetching the certificate for. */
    private Object precheck(String value, CallNumbers call, Instant now) {
        Optional<IdentityHeader> header = IdentityHeader.parse(value);
        if (header.isEmpty()) {
            return Verification.failed(438, "Identity header has no PASSporT and info URL");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(header.get().jws());
        } catch (ParseException e) {
            return Verification.failed(438, "PASSporT is not a compact JWS: " + e.getMessage());
        }
        JWSHeader protectedHeader = jws.getHeader();
        if (!JWSAlgorithm.ES256.equals(protectedHeader.getAlgorithm()) || !"ES256".equals(header.get().alg())) {
            return Verification.failed(438, "alg " + protectedHeader.getAlgorithm() + " is not ES256");
        }
        Object ppt = protectedHeader.getCustomParam("ppt");
        if (!IdentitySigner.PPT.equals(ppt) || !(header.get().ppt().isEmpty() || IdentitySigner.PPT.equals(header.get().ppt()))) {
            return Verification.failed(438, "ppt " + ppt + " is not shaken");
        }
        if (!IdentitySigner.PASSPORT.equals(protectedHeader.getType())) {
            return Verification.failed(438, "typ " + protectedHeader.getType() + " is not passport");
        }
        URI x5u = protectedHeader.getX509CertURL();
        if (x5u == null || !x5u.equals(header.get().info())) {
            return Verification.failed(436, "x5u " + x5u + " differs from info " + header.get().info());
        }
        Map<String, Object> json = jws.getPayload().toJSONObject();
        Optional<PassportClaims> parsed = json == null ? Optional.empty() : PassportClaims.of(json);
        if (parsed.isEmpty()) {
            return Verification.failed(438, "PASSporT lacks a SHAKEN claim (attest, dest.tn, iat, orig.tn, origid)");
        }
        PassportClaims claims = parsed.get();
        if (Duration.between(claims.iat(), now).abs().compareTo(iatWindow) > 0) {
            return Verification.failed(403, "iat " + claims.iat() + " is more than " + iatWindow.toSeconds() + " s from now");
        }
        if (!call.callers().contains(claims.origTn())) {
            return Verification.failed(438, "orig.tn " + claims.origTn() + " is not the caller " + call.callers());
        }
        if (claims.destTns().stream().noneMatch(call.callees()::contains)) {
            return Verification.failed(438, "dest.tn " + claims.destTns() + " is not the callee " + call.callees());
        }
        return new Candidate(jws, x5u, claims);
    }

    private Verification checkSigner(Candidate candidate, List<X509Certificate> chain, Instant now) {
        try {
            anchors.validate(chain, Date.from(now));
        } catch (GeneralSecurityException e) {
            return Verification.failed(437, "certificate does not chain to a trust anchor: " + e.getMessage());
        }
        if (!(chain.getFirst().getPublicKey() instanceof ECPublicKey key)) {
            return Verification.failed(437, "certificate key is not EC");
        }
        try {
            return candidate.jws().verify(new ECDSAVerifier(key))
                    ? Verification.passed(candidate.claims().attest())
                    : Verification.failed(438, "signature does not verify");
        } catch (JOSEException e) {
            return Verification.failed(437, "certificate key cannot verify ES256: " + e.getMessage());
        }
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public void close() {
        workers.close();
        certificates.close(); // the verifier owns its cache and its HTTP client
    }
}
