package org.switchboard.bench.stirshaken;

import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.switchboard.pbx.stirshaken.Attestation;
import org.switchboard.pbx.stirshaken.CallNumbers;
import org.switchboard.pbx.stirshaken.CertificateRepository;
import org.switchboard.pbx.stirshaken.IdentitySigner;
import org.switchboard.pbx.stirshaken.IdentityVerifier;
import org.switchboard.pbx.stirshaken.TrustAnchors;
import org.switchboard.pbx.stirshaken.Verification;
import org.switchboard.pbx.stirshaken.Verstat;
import org.switchboard.pbx.stirshaken.testkit.CertificateServer;
import org.switchboard.pbx.stirshaken.testkit.StiPki;

/**
 * What both STIR/SHAKEN benchmarks measure with: a test STI-CA and provider certificate, the
 * certificate published by a real HTTP server on 127.0.0.1 and already in the verifier's cache
 * (fetched once here), a signer, and one signed call. The verifier's iat window is an hour so the
 * signed call stays fresh for a whole run. Built and closed by the benchmark's thread.
 */
final class StirShakenFixture implements AutoCloseable {
    static final String CALLER = "15550001000";
    static final String CALLEE = "15550002000";

    final IdentitySigner signer;
    final IdentityVerifier verifier;
    final CallNumbers signedCall;
    private final CertificateServer repository = new CertificateServer();

    StirShakenFixture() throws Exception {
        Instant now = Instant.now();
        StiPki.Issued ca = StiPki.rootCa("CN=Bench STI-CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        StiPki.Issued sp = StiPki.serviceProvider(ca, "CN=Bench SP", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        URI x5u = repository.publish("/sp.pem", StiPki.pem(sp.certificate()), "max-age=86400");
        signer = IdentitySigner.of((ECPrivateKey) sp.privateKey(), sp.certificate(), x5u);
        verifier = new IdentityVerifier(new TrustAnchors(List.of(ca.certificate())),
                new CertificateRepository(Duration.ofSeconds(2), true, Clock.systemUTC()), Duration.ofHours(1), Duration.ofSeconds(3),
                Clock.systemUTC());
        signedCall = new CallNumbers(Optional.of(signer.sign(Attestation.A, CALLER, CALLEE, now).toString()), Set.of(CALLER),
                Set.of(CALLEE));
        Verification first = verify();
        if (first.verstat() != Verstat.TN_VALIDATION_PASSED) {
            throw new IllegalStateException("the benchmark's own call does not verify: " + first.reason());
        }
    }

    /** Signs one call now: the Identity header value an outgoing INVITE gets. */
    String sign() {
        return signer.sign(Attestation.A, CALLER, CALLEE, Instant.now()).toString();
    }

    /** Verifies the signed call as an incoming INVITE's check does, waiting for the result. */
    Verification verify() throws Exception {
        return verifier.verify(signedCall).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        verifier.close();
        repository.close();
    }
}
