package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.stirshaken.testkit.CertificateServer;
import org.switchboard.pbx.stirshaken.testkit.StiPki;
import org.switchboard.store.testkit.TestClock;

/** Sign, publish the certificate on a real local HTTP server, verify; then break one thing at a time. */
class IdentityVerifierTest {
    private static final Instant NOW = Instant.parse("2026-12-07T19:00:00Z");
    private static final StiPki.Issued CA = StiPki.rootCa("CN=Test STI-CA", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    private static final StiPki.Issued SP = StiPki.serviceProvider(CA, "CN=Carrier SP", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(30)));
    private static final String CALLER = "15550001000";
    private static final String CALLEE = "15550002000";

    private final CertificateServer repository = new CertificateServer();
    private final TestClock clock = new TestClock(NOW);
    private final IdentityVerifier verifier = new IdentityVerifier(new TrustAnchors(List.of(CA.certificate())),
            new CertificateRepository(Duration.ofSeconds(2), true, clock), Duration.ofSeconds(60), Duration.ofSeconds(3), clock);

    @AfterEach
    void close() {
        verifier.close();
        repository.close();
    }

    private static IdentitySigner signer(StiPki.Issued sp, URI x5u) {
        return IdentitySigner.of((ECPrivateKey) sp.privateKey(), sp.certificate(), x5u);
    }

    private URI published(StiPki.Issued sp, String cacheControl) {
        return repository.publish("/sp.pem", StiPki.pem(sp.certificate()), cacheControl);
    }

    private static CallNumbers call(IdentityHeader identity) {
        return new CallNumbers(Optional.of(identity.toString()), Set.of(CALLER), Set.of(CALLEE));
    }

    private Verification verify(CallNumbers call) throws Exception {
        return verifier.verify(call).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSignedCallVerifiesAndTheSecondCallUsesTheCachedCertificate() throws Exception {
        URI x5u = published(SP, "max-age=3600");
        IdentitySigner signer = signer(SP, x5u);

        Verification first = verify(call(signer.sign(Attestation.A, "+1-555-000-1000", CALLEE, NOW)));
        Verification second = verify(call(signer.sign(Attestation.B, CALLER, CALLEE, NOW)));

        assertThat(first.verstat()).as(first.reason()).isEqualTo(Verstat.TN_VALIDATION_PASSED);
        assertThat(first.attest()).contains(Attestation.A);
        assertThat(second.verstat()).as(second.reason()).isEqualTo(Verstat.TN_VALIDATION_PASSED);
        assertThat(second.attest()).contains(Attestation.B);
        assertThat(repository.hits("/sp.pem")).isEqualTo(1);
    }

    @Test
    void anExpiredMaxAgeFetchesTheCertificateAgain() throws Exception {
        URI x5u = published(SP, "public, max-age=30");
        IdentitySigner signer = signer(SP, x5u);
        verify(call(signer.sign(Attestation.A, CALLER, CALLEE, clock.instant())));

        clock.advance(Duration.ofSeconds(31));
        Verification later = verify(call(signer.sign(Attestation.A, CALLER, CALLEE, clock.instant())));

        assertThat(later.verstat()).isEqualTo(Verstat.TN_VALIDATION_PASSED);
        assertThat(repository.hits("/sp.pem")).isEqualTo(2);
    }

    @Test
    void tamperedClaimsFailTheSignature() throws Exception {
        IdentityHeader signed = signer(SP, published(SP, null)).sign(Attestation.C, CALLER, CALLEE, NOW);
        String[] parts = signed.jws().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"attest\":\"C\"", "\"attest\":\"A\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        Verification v = verify(call(new IdentityHeader(tampered, signed.info(), "ES256", "shaken")));

        assertThat(v.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(v.status()).isEqualTo(438);
        assertThat(v.reason()).contains("signature does not verify");
    }

    @Test
    void aPassportOlderThanTheWindowIsStaleAndFetchesNothing() throws Exception {
        IdentitySigner signer = signer(SP, published(SP, null));

        Verification v = verify(call(signer.sign(Attestation.A, CALLER, CALLEE, NOW.minusSeconds(61))));
        Verification inWindow = verify(call(signer.sign(Attestation.A, CALLER, CALLEE, NOW.minusSeconds(59))));

        assertThat(v.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(v.status()).isEqualTo(403);
        assertThat(v.reasonPhrase()).startsWith("Stale Date");
        assertThat(inWindow.verstat()).isEqualTo(Verstat.TN_VALIDATION_PASSED);
        assertThat(repository.hits("/sp.pem")).isEqualTo(1);
    }

    @Test
    void aSignerFromAnUntrustedAuthorityFailsTheChain() throws Exception {
        StiPki.Issued rogueCa = StiPki.rootCa("CN=Rogue CA", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        StiPki.Issued rogue = StiPki.serviceProvider(rogueCa, "CN=Rogue SP", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        URI x5u = repository.publish("/rogue.pem", StiPki.pem(rogue.certificate(), rogueCa.certificate()), null);

        Verification v = verify(call(signer(rogue, x5u).sign(Attestation.A, CALLER, CALLEE, NOW)));

        assertThat(v.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(v.status()).isEqualTo(437);
        assertThat(v.reason()).contains("does not chain to a trust anchor");
    }

    @Test
    void anExpiredSignerCertificateFailsTheChain() throws Exception {
        StiPki.Issued expired = StiPki.serviceProvider(CA, "CN=Old SP", NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(1)));
        URI x5u = repository.publish("/old.pem", StiPki.pem(expired.certificate()), null);

        Verification v = verify(call(signer(expired, x5u).sign(Attestation.A, CALLER, CALLEE, NOW)));

        assertThat(v.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(v.status()).isEqualTo(437);
    }

    @Test
    void aPassportForAnotherCallerOrCalleeFails() throws Exception {
        IdentitySigner signer = signer(SP, published(SP, null));

        Verification wrongOrig = verify(call(signer.sign(Attestation.A, "15559999999", CALLEE, NOW)));
        Verification wrongDest = verify(call(signer.sign(Attestation.A, CALLER, "15559999999", NOW)));

        assertThat(wrongOrig.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(wrongOrig.reason()).contains("orig.tn 15559999999");
        assertThat(wrongDest.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(wrongDest.reason()).contains("dest.tn [15559999999]");
    }

    @Test
    void anInfoUrlThatDiffersFromX5uOrCannotBeFetchedFails() throws Exception {
        IdentityHeader signed = signer(SP, published(SP, null)).sign(Attestation.A, CALLER, CALLEE, NOW);
        IdentityHeader otherInfo = new IdentityHeader(signed.jws(), repository.url("/elsewhere.pem"), "ES256", "shaken");
        IdentityHeader missing = signer(SP, repository.url("/missing.pem")).sign(Attestation.A, CALLER, CALLEE, NOW);

        Verification mismatch = verify(call(otherInfo));
        Verification notFound = verify(call(missing));

        assertThat(mismatch.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(mismatch.status()).isEqualTo(436);
        assertThat(notFound.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(notFound.status()).isEqualTo(436);
        assertThat(notFound.reason()).contains("HTTP 404");
        assertThat(notFound.reasonPhrase()).isEqualTo("Bad Identity Info");
    }

    @Test
    void plainHttpCertificatesAreFetchedOnlyWhenAllowed() throws Exception {
        URI x5u = published(SP, null);
        try (IdentityVerifier httpsOnly = new IdentityVerifier(new TrustAnchors(List.of(CA.certificate())),
                new CertificateRepository(Duration.ofSeconds(2), false, clock), Duration.ofSeconds(60), Duration.ofSeconds(3), clock)) {

            Verification v = httpsOnly.verify(call(signer(SP, x5u).sign(Attestation.A, CALLER, CALLEE, NOW))).get(10, TimeUnit.SECONDS);

            assertThat(v.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
            assertThat(v.reason()).contains("is not an https URL");
            assertThat(repository.hits("/sp.pem")).isZero();
        }
    }

    @Test
    void noIdentityHeaderOrGarbageAreTellApart() throws Exception {
        Verification none = verify(new CallNumbers(Optional.empty(), Set.of(CALLER), Set.of(CALLEE)));
        Verification garbage = verify(new CallNumbers(Optional.of("abc;info=<http://x/y>"), Set.of(CALLER), Set.of(CALLEE)));

        assertThat(none.verstat()).isEqualTo(Verstat.NO_TN_VALIDATION);
        assertThat(garbage.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(garbage.status()).isEqualTo(438);
    }

    @Test
    void aRepositoryThatDoesNotAnswerEndsInNoValidationWithinTheTimeout() throws Exception {
        repository.hold("/slow.pem");
        URI x5u = repository.publish("/slow.pem", StiPki.pem(SP.certificate()), null);
        try (IdentityVerifier impatient = new IdentityVerifier(new TrustAnchors(List.of(CA.certificate())),
                new CertificateRepository(Duration.ofSeconds(5), true, clock), Duration.ofSeconds(60), Duration.ofMillis(300), clock)) {
            long started = System.nanoTime();

            Verification v = impatient.verify(call(signer(SP, x5u).sign(Attestation.A, CALLER, CALLEE, NOW))).get(10, TimeUnit.SECONDS);

            assertThat(v.verstat()).isEqualTo(Verstat.NO_TN_VALIDATION);
            assertThat(v.reason()).contains("longer than 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            repository.close(); // lets the held request go, so the verifier closes at once
        }
    }

    @Test
    void signaturesOfAnotherAlgorithmOrTypeAreRefused() throws Exception {
        URI x5u = published(SP, null);
        PassportClaims claims = new PassportClaims(Attestation.A, CALLER, List.of(CALLEE), NOW, UUID.randomUUID());
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256).customParam("ppt", "div")
                        .type(new com.nimbusds.jose.JOSEObjectType("passport")).x509CertURL(x5u).build(),
                new com.nimbusds.jose.Payload(claims.toJson()));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner((ECPrivateKey) SP.privateKey()));

        Verification v = verify(call(new IdentityHeader(jws.serialize(), x5u, "ES256", "div")));

        assertThat(v.verstat()).isEqualTo(Verstat.TN_VALIDATION_FAILED);
        assertThat(v.reason()).contains("ppt div is not shaken");
    }
}
