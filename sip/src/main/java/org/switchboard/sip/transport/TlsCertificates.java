package org.switchboard.sip.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the certificate and private key for the TLS listener: the PEM files the caller names, or
 * a self-signed pair generated on first run into a directory the caller names and reused after.
 * Called once at start-up from the thread that starts the stack (it does file I/O).
 */
public final class TlsCertificates {
    private static final Logger log = LoggerFactory.getLogger(TlsCertificates.class);
    static final String CERT_FILE = "sip-tls.crt";
    static final String KEY_FILE = "sip-tls.key";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private TlsCertificates() {}

    /** A certificate chain file and its PKCS#8 private key file, both PEM. */
    public record PemPair(Path certificate, Path privateKey) {}

    /**
     * Returns the pair in {@code directory}, generating a self-signed one for {@code hostName}
     * when the directory holds none yet.
     */
    public static PemPair selfSigned(Path directory, String hostName) {
        PemPair pair = new PemPair(directory.resolve(CERT_FILE), directory.resolve(KEY_FILE));
        if (Files.isRegularFile(pair.certificate()) && Files.isRegularFile(pair.privateKey())) {
            return pair;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = sign(keys, hostName);
            writePem(pair.certificate(), certificate);
            // Netty reads PKCS#8 ("BEGIN PRIVATE KEY"), not the SEC1 form a plain PEM writer emits.
            writePem(pair.privateKey(), new JcaPKCS8Generator(keys.getPrivate(), null));
            log.info("tls self-signed certificate generated host={} dir={}", hostName, directory);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("writing self-signed certificate to " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("generating self-signed certificate for " + hostName, e);
        }
    }

    /** Builds the server-side context from a PEM pair. */
    public static SslContext serverContext(PemPair pair) {
        try {
            return SslContextBuilder.forServer(pair.certificate().toFile(), pair.privateKey().toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unusable TLS certificate " + pair.certificate() + " or key " + pair.privateKey() + ": "
                            + e.getMessage(), e);
        }
    }

    /**
     * Builds the client-side context for outgoing TLS: trusting the given PEM certificates, or
     * the JDK's trust store; the peer's certificate must name the address we connect to.
     */
    public static SslContext clientContext(java.util.Optional<Path> trustedCertificates) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
            trustedCertificates.ifPresent(file -> builder.trustManager(file.toFile()));
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unusable trusted certificates " + trustedCertificates.orElse(null)
                    + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(KeyPair keys, String hostName)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=" + hostName);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keys.getPublic());
        boolean ip = hostName.matches("[0-9.]+") || hostName.contains(":");
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, hostName)));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }
}
