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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
 * Cost per call of STIR/SHAKEN: signing an outgoing call's PASSporT into an Identity header value
 * (claims JSON, ES256, base64url, header text), and verifying an incoming one the way a call does
 * (hand-off to a virtual thread, header and claim checks, the certificate from the warm cache,
 * PKIX chain validation to the trust anchor, ES256 verification, result back to the caller). The
 * certificate is published by a real HTTP server on 127.0.0.1 and fetched once in the set-up; the
 * verifier's iat window is an hour so one signed header stays fresh for the whole run.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar StirShakenBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StirShakenBenchmark {
    private static final String CALLER = "15550001000";
    private static final String CALLEE = "15550002000";

    private CertificateServer repository;
    private IdentitySigner signer;
    private IdentityVerifier verifier;
    private CallNumbers signedCall;

    @Setup
    public void setUp() throws Exception {
        Instant now = Instant.now();
        StiPki.Issued ca = StiPki.rootCa("CN=Bench STI-CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        StiPki.Issued sp = StiPki.serviceProvider(ca, "CN=Bench SP", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        repository = new CertificateServer();
        URI x5u = repository.publish("/sp.pem", StiPki.pem(sp.certificate()), "max-age=86400");
        signer = IdentitySigner.of((ECPrivateKey) sp.privateKey(), sp.certificate(), x5u);
        verifier = new IdentityVerifier(new TrustAnchors(List.of(ca.certificate())),
                new CertificateRepository(Duration.ofSeconds(2), Clock.systemUTC()), Duration.ofHours(1), Duration.ofSeconds(3),
                Clock.systemUTC());
        signedCall = new CallNumbers(Optional.of(signer.sign(Attestation.A, CALLER, CALLEE, now).toString()), Set.of(CALLER),
                Set.of(CALLEE));
        Verification first = verifier.verify(signedCall).get(10, TimeUnit.SECONDS);
        if (first.verstat() != Verstat.TN_VALIDATION_PASSED) {
            throw new IllegalStateException("the benchmark's own call does not verify: " + first.reason());
        }
    }

    @TearDown
    public void tearDown() {
        verifier.close();
        repository.close();
    }

    @Benchmark
    public String sign() {
        return signer.sign(Attestation.A, CALLER, CALLEE, Instant.now()).toString();
    }

    @Benchmark
    public Verification verify() throws Exception {
        return verifier.verify(signedCall).get(10, TimeUnit.SECONDS);
    }
}
