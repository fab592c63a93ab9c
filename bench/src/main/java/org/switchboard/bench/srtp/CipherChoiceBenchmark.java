package org.switchboard.bench.srtp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK primitives SRTP could be built on, per 160-byte payload (one PCMU packet), to choose between them
 * (docs/decisions.md): AES-CTR as the JDK's {@code AES/CTR/NoPadding} re-initialised with each packet's IV,
 * against a keystream made by one reused {@code AES/ECB/NoPadding} cipher from the counter blocks and XORed
 * on; HMAC-SHA1 through {@code Mac} against two passes of one reused SHA-1 {@code MessageDigest}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CipherChoiceBenchmark {
    private static final int PAYLOAD = 160;
    private static final int BLOCKS = (PAYLOAD + 15) / 16;

    private final byte[] payload = new byte[PAYLOAD + 12];
    private final byte[] iv = new byte[16];
    private final byte[] counters = new byte[BLOCKS * 16];
    private final byte[] keystream = new byte[BLOCKS * 16];
    private final byte[] tag = new byte[20];
    private final byte[] inner = new byte[20];
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private SecretKeySpec key;
    private Cipher ctr;
    private Cipher ecb;
    private Mac mac;
    private MessageDigest sha1;

    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] k = new byte[16];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, "AES");
        ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, key);
        byte[] authKey = new byte[20];
        mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < 64; i++) {
            innerPad[i] = 0x36;
            outerPad[i] = 0x5c;
        }
    }

    /** The JDK's counter mode: a new IV spec and cipher initialisation per packet. */
    @Benchmark
    public byte[] aesCtrReinitialised() throws GeneralSecurityException {
        iv[9]++;
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        ctr.doFinal(payload, 12, PAYLOAD, payload, 12);
        return payload;
    }

    /** Counter blocks through a reused ECB cipher, XORed onto the payload (what AesCounterMode does). */
    @Benchmark
    public byte[] aesEcbKeystream() throws GeneralSecurityException {
        iv[9]++;
        for (int b = 0; b < BLOCKS; b++) {
            System.arraycopy(iv, 0, counters, b * 16, 14);
            counters[b * 16 + 15] = (byte) b;
        }
        ecb.update(counters, 0, counters.length, keystream, 0);
        for (int i = 0; i < PAYLOAD; i++) {
            payload[12 + i] ^= keystream[i];
        }
        return payload;
    }

    /** HMAC-SHA1 over the packet and ROC through {@code javax.crypto.Mac}. */
    @Benchmark
    public byte[] hmacJdkMac() throws GeneralSecurityException {
        mac.update(payload, 0, payload.length);
        mac.update(payload, 0, 4);
        mac.doFinal(tag, 0);
        return tag;
    }

    /** HMAC-SHA1 as two passes of one reused SHA-1 digest (what HmacSha1 does). */
    @Benchmark
    public byte[] hmacOverMessageDigest() throws GeneralSecurityException {
        sha1.update(innerPad);
        sha1.update(payload, 0, payload.length);
        sha1.update(payload, 0, 4);
        sha1.digest(inner, 0, 20);
        sha1.update(outerPad);
        sha1.update(inner);
        sha1.digest(tag, 0, 20);
        return tag;
    }
}
