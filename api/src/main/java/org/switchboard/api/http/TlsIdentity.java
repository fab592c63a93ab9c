package org.switchboard.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate chain and private key the HTTP server shows to HTTPS clients: the PEM pair the
 * SIP TLS listener uses (a PKCS#8 {@code BEGIN PRIVATE KEY} file, EC or RSA). Immutable; read once
 * at start-up by the thread that builds the server.
 */
public record TlsIdentity(Path certificateChain, Path privateKey) {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");

    /**
     * The pair as an in-memory key store under {@code alias}, protected by {@code password}.
     *
     * @throws IllegalArgumentException naming the file that cannot be read or used, and why
     */
    public KeyStore keyStore(String alias, char[] password) {
        Certificate[] chain = certificates();
        PrivateKey key = key();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key " + privateKey + " does not match certificate "
                    + certificateChain + ": " + e.getMessage(), e);
        }
    }

    private Certificate[] certificates() {
        try (InputStream in = Files.newInputStream(certificateChain)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("TLS certificate file " + certificateChain + " holds no certificate");
            }
            return chain;
        } catch (IOException e) {
            throw new IllegalArgumentException("TLS certificate file " + certificateChain + " cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS certificate file " + certificateChain
                    + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    private PrivateKey key() {
        String text;
        try {
            text = Files.readString(privateKey);
        } catch (IOException e) {
            throw new IllegalArgumentException("TLS key file " + privateKey + " cannot be read: " + e, e);
        }
        Matcher m = PKCS8.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("TLS key file " + privateKey
                    + " holds no PKCS#8 key (BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // Not this algorithm: PKCS#8 names it inside, but the JDK wants it up front; try the next.
            }
        }
        throw new IllegalArgumentException("TLS key file " + privateKey + " is not an EC, RSA or Ed25519 key");
    }
}
