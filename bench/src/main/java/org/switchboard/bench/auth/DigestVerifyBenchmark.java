package org.switchboard.bench.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.DigestServerSettings;
import org.switchboard.sip.auth.Ha1Source;
import org.switchboard.sip.auth.ParseResult;

/**
 * Cost of verifying one {@code Authorization} header of a REGISTER, as the digest middleware does
 * for every authenticated request: parse, nonce HMAC check, HA1 lookup, response hash, nonce-count
 * check. Each header carries its own nonce, like a phone answering its own challenge.
 *
 * <p>Run: {@code ./mvnw -o -q -Pbench -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar DigestVerifyBenchmark -prof gc}. The headers are prepared once per
 * trial (so preparing them does not pollute the allocation figures); the first pass over them is
 * accepted, later passes are refused as nonce-count replays after the same parse, HMAC and hashes,
 * differing only in a map lookup instead of an insert. Either way the whole check runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DigestVerifyBenchmark {

    private static final String REALM = "pbx.example";
    private static final String URI = "sip:pbx.example";
    private static final int HEADERS = 1 << 16;
    private static final byte[] SECRET = "benchmark-secret-benchmark-secret".getBytes(StandardCharsets.US_ASCII);
    private static final InetAddress PHONE = InetAddress.getLoopbackAddress();

    @Param({"SHA_256", "MD5"})
    public DigestAlgorithm algorithm;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private Ha1Source users;
    private DigestAuthenticator server;
    private String[] headers;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        String ha1 = algorithm.ha1("1001", REALM, "secret-1001");
        users = (username, realm, a) -> "1001".equals(username) && a == algorithm ? Optional.of(ha1) : Optional.empty();
        server = new DigestAuthenticator(SECRET, DigestServerSettings.defaults(), clock);
        headers = new String[HEADERS];
        for (int i = 0; i < HEADERS; i++) {
            DigestChallenge challenge = server.challenges(REALM, PHONE, false).stream()
                    .filter(c -> c.algorithm() == algorithm)
                    .findFirst()
                    .orElseThrow();
            DigestClient phone = new DigestClient("1001", new ClientSecret.Password("secret-1001"), () -> "cnonce");
            ParseResult<DigestCredentials> answer = phone.answer(List.of(challenge.toHeaderValue()), "REGISTER", URI);
            headers[i] = ((ParseResult.Parsed<DigestCredentials>) answer).value().toHeaderValue();
        }
        if (!(server.verify("REGISTER", URI, headers[0], REALM, PHONE, users) instanceof AuthResult.Ok)) {
            throw new IllegalStateException("prepared credentials do not verify");
        }
        next = 1;
    }

    @Benchmark
    public AuthResult verifyAuthorization() {
        String header = headers[next];
        next = (next + 1) & (HEADERS - 1);
        return server.verify("REGISTER", URI, header, REALM, PHONE, users);
    }
}
