package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.stirshaken.testkit.CertificateServer;
import org.switchboard.pbx.stirshaken.testkit.StiPki;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.store.testkit.TestClock;

/** The hook inbound trunk calls pass through: result on the call's executor, verstat on PAI, the refusal policy. */
class InboundIdentityCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-07T19:00:00Z");
    private static final StiPki.Issued CA = StiPki.rootCa("CN=Test STI-CA", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    private static final StiPki.Issued SP = StiPki.serviceProvider(CA, "CN=Carrier SP", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(30)));

    private final CertificateServer repository = new CertificateServer();
    private final TestClock clock = new TestClock(NOW);
    private final IdentityVerifier verifier = new IdentityVerifier(new TrustAnchors(List.of(CA.certificate())),
            new CertificateRepository(Duration.ofSeconds(2), true, clock), Duration.ofSeconds(60), Duration.ofSeconds(3), clock);
    private final ExecutorService callExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "call-test"));
    private final URI x5u = repository.publish("/sp.pem", StiPki.pem(SP.certificate()), null);
    private final IdentitySigner signer = IdentitySigner.of((ECPrivateKey) SP.privateKey(), SP.certificate(), x5u);

    @AfterEach
    void close() {
        verifier.close();
        repository.close();
        callExecutor.shutdownNow();
    }

    /** The INVITE of CallNumbersTest (caller 15550001000, callee 15550002000) with this Identity header. */
    private static SipRequest invite(IdentityHeader identity) {
        return CallNumbersTest.invite(null).withHeaderReplaced(IdentityHeader.NAME, identity.toString());
    }

    private InboundIdentityCheck.Outcome check(boolean rejectFailed, SipRequest invite) throws Exception {
        CompletableFuture<InboundIdentityCheck.Outcome> outcome = new CompletableFuture<>();
        CompletableFuture<String> thread = new CompletableFuture<>();
        new InboundIdentityCheck(verifier, rejectFailed).check(invite, callExecutor, o -> {
            thread.complete(Thread.currentThread().getName());
            outcome.complete(o);
        });
        assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("call-test");
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aVerifiedCallProceedsOnTheCallExecutorWithVerstatPassed() throws Exception {
        var outcome = check(true, invite(signer.sign(Attestation.A, "15550001000", "15550002000", NOW)));

        assertThat(outcome).isInstanceOfSatisfying(InboundIdentityCheck.Proceed.class, p -> {
            assertThat(p.verification().verstat()).isEqualTo(Verstat.TN_VALIDATION_PASSED);
            assertThat(p.invite().headers().first("P-Asserted-Identity")).hasValueSatisfying(pai ->
                    assertThat(pai).contains("verstat=TN-Validation-Passed"));
        });
    }

    @Test
    void aFailedCallRingsMarkedFailedOrIsRefusedByPolicy() throws Exception {
        SipRequest spoofed = invite(signer.sign(Attestation.A, "15559999999", "15550002000", NOW));

        var rings = check(false, spoofed);
        var refused = check(true, spoofed);

        assertThat(rings).isInstanceOfSatisfying(InboundIdentityCheck.Proceed.class, p -> assertThat(
                p.invite().headers().first("P-Asserted-Identity").orElseThrow()).contains("verstat=TN-Validation-Failed"));
        assertThat(refused).isInstanceOfSatisfying(InboundIdentityCheck.Refuse.class, r -> {
            assertThat(r.status()).isEqualTo(438);
            assertThat(r.reason()).startsWith("Invalid Identity Header (orig.tn 15559999999");
        });
    }
}
