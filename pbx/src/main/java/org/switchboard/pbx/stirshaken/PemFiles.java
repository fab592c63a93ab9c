package org.switchboard.pbx.stirshaken;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.switchboard.store.db.ValidationException;

/**
 * Reads the STIR/SHAKEN PEM files an operator names in the configuration. Every problem is a
 * {@link ValidationException} on the configuration key, naming the file and what is wrong with it,
 * so the server stops at start with exit code 2 instead of failing on the first call. Stateless;
 * called by the start-up thread.
 */
public final class PemFiles {
    private PemFiles() {}

    /** The certificates of a PEM (or DER) file, in file order; at least one. */
    public static List<X509Certificate> certificates(String key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = parseCertificates(in);
            if (certificates.isEmpty()) {
                throw problem(key, file, "holds no certificate (expected -----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (IOException e) {
            throw problem(key, file, "cannot be read: " + e);
        } catch (CertificateException e) {
            throw problem(key, file, "is not a PEM certificate file: " + e.getMessage());
        }
    }

    /** The certificates of PEM or DER bytes as served at an {@code x5u} URL. */
    static List<X509Certificate> parseCertificates(InputStream in) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                .map(X509Certificate.class::cast).toList();
    }

    /**
     * The EC P-256 private key of a PEM file, in either form OpenSSL writes: {@code BEGIN EC PRIVATE
     * KEY} (SEC1, from {@code openssl ecparam -genkey}) or {@code BEGIN PRIVATE KEY} (PKCS#8).
     */
    public static ECPrivateKey ecPrivateKey(String key, Path file) {
        Object pem;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            pem = parser.readObject();
        } catch (IOException e) {
            throw problem(key, file, "cannot be read as PEM: " + e.getMessage());
        }
        PrivateKey privateKey;
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            privateKey = switch (pem) {
                // SEC1 may omit the public key, so only the private half is converted.
                case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case null -> throw problem(key, file, "holds no PEM private key (expected -----BEGIN EC PRIVATE KEY----- "
                        + "or -----BEGIN PRIVATE KEY-----)");
                case X509CertificateHolder c -> throw problem(key, file,
                        "holds a certificate, not a private key (is it the stir_shaken.certificate file?)");
                case PEMEncryptedKeyPair e -> throw encrypted(key, file);
                case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(key, file);
                default -> throw problem(key, file, "holds a " + pem.getClass().getSimpleName()
                        + ", not an unencrypted private key");
            };
        } catch (IOException e) {
            throw problem(key, file, "holds a private key that cannot be decoded: " + e.getMessage());
        }
        if (!(privateKey instanceof ECPrivateKey ec) || !P256.is(ec.getParams())) {
            throw problem(key, file, "holds a " + privateKey.getAlgorithm() + " key; STIR/SHAKEN needs an EC P-256 "
                    + "(prime256v1) key, e.g. from openssl ecparam -name prime256v1 -genkey -noout");
        }
        return ec;
    }

    private static ValidationException encrypted(String key, Path file) {
        return problem(key, file, "holds an encrypted key; the server starts unattended, so give it the key "
                + "unencrypted (openssl ec -in encrypted.key -out " + file.getFileName() + ") with mode 0600");
    }

    /** A start-up error on {@code key} that names the file. */
    static ValidationException problem(String key, Path file, String what) {
        return new ValidationException(key, file.toAbsolutePath() + " " + what);
    }

    /** The P-256 curve (secp256r1), compared by its order and generator. */
    static final class P256 {
        private static final ECParameterSpec SPEC = spec();

        private P256() {}

        static boolean is(ECParameterSpec params) {
            return params != null && params.getOrder().equals(SPEC.getOrder())
                    && params.getGenerator().equals(SPEC.getGenerator()) && params.getCurve().equals(SPEC.getCurve());
        }

        private static ECParameterSpec spec() {
            try {
                AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
                p.init(new ECGenParameterSpec("secp256r1"));
                return p.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no secp256r1", e);
            }
        }
    }
}
