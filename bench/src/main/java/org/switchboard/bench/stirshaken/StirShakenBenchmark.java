package org.switchboard.bench.stirshaken;

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
import org.switchboard.pbx.stirshaken.Verification;

/**
 * Cost per call of STIR/SHAKEN: signing an outgoing call's PASSporT into an Identity header value
 * (claims JSON, ES256, base64url, header text), and verifying an incoming one the way a call does
 * (hand-off to a virtual thread, header and claim checks, the certificate from the warm cache,
 * PKIX chain validation to the trust anchor, ES256 verification, result back to the caller). The
 * certificate is published by a real HTTP server on 127.0.0.1 and fetched once in the set-up
 * ({@link StirShakenFixture}). Wall-clock times mean little on a busy machine; {@link
 * StirShakenCpuTime} gives the CPU time per operation.
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
    private StirShakenFixture fixture;

    @Setup
    public void setUp() throws Exception {
        fixture = new StirShakenFixture();
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public String sign() {
        return fixture.sign();
    }

    @Benchmark
    public Verification verify() throws Exception {
        return fixture.verify();
    }
}
