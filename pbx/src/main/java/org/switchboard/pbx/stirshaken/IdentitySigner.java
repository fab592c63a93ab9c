package org.switchboard.pbx.stirshaken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signs SHAKEN PASSporTs with the provider's EC P-256 key into {@code Identity} header values.
 * Nimbus' {@link ECDSASigner} writes the ES256 signature as JOSE wants it (RFC 7518 §3.4): the
 * raw 32-byte r and s concatenated, not the DER the JDK produces. Immutable; any thread (a
 * signature costs some tens of microseconds of CPU, so a call thread may sign in place).
 */
public final class IdentitySigner {
    /** The PASSporT extension this signs (RFC 8588). */
    static final String PPT = "shaken";
    static final JOSEObjectType PASSPORT = new JOSEObjectType("passport");

    private final ECDSASigner signer;
    private final JWSHeader header;
    private final URI x5u;

    private IdentitySigner(ECPrivateKey key, URI x5u) {
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a P-256 signing key", e);
        }
        this.x5u = x5u;
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(PASSPORT).customParam("ppt", PPT)
                .x509CertURL(x5u).build();
    }

    /**
     * A signer with {@code key}, whose certificate is published at {@code x5u}; {@code
     * certificate} must hold the key's public half (checked by a trial signature, so a key and a
     * certificate from two different pairs stop the start instead of failing every verification).
     */
    public static IdentitySigner of(ECPrivateKey key, X509Certificate certificate, URI x5u) {
        IdentitySigner signer = new IdentitySigner(key, x5u);
        if (!signer.matches(certificate)) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal());
        }
        return signer;
    }

    /**
     * A signer from the configured files; a file that is missing, unreadable, of the wrong kind,
     * or a key that does not match the certificate is a {@code ValidationException} on the key
     * that names the file.
     */
    public static IdentitySigner load(Path privateKey, Path certificate, URI x5u) {
        ECPrivateKey key = PemFiles.ecPrivateKey(StirShakenSettings.PRIVATE_KEY, privateKey);
        List<X509Certificate> chain = PemFiles.certificates(StirShakenSettings.CERTIFICATE, certificate);
        try {
            return of(key, chain.getFirst(), x5u);
        } catch (IllegalArgumentException e) {
            throw PemFiles.problem(StirShakenSettings.PRIVATE_KEY, privateKey,
                    "does not belong to the certificate in " + certificate.toAbsolutePath()
                            + " (" + chain.getFirst().getSubjectX500Principal() + ")");
        }
    }

    /** The {@code Identity} header value for {@code claims}. */
    public IdentityHeader sign(PassportClaims claims) {
        JWSObject jws = new JWSObject(header, new Payload(claims.toJson()));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e); // a valid P-256 key always signs
        }
        return new IdentityHeader(jws.serialize(), x5u, JWSAlgorithm.ES256.getName(), PPT);
    }

    /** Signs a call from {@code origTn} to {@code destTn} now, with a fresh {@code origid}. */
    public IdentityHeader sign(Attestation attest, String origTn, String destTn, Instant now) {
        return sign(new PassportClaims(attest, origTn, List.of(destTn), now, UUID.randomUUID()));
    }

    /** The URL the certificate is published at. */
    public URI x5u() {
        return x5u;
    }

    private boolean matches(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey publicKey)) {
            return false;
        }
        try {
            JWSObject probe = new JWSObject(header, new Payload("{}"));
            probe.sign(signer);
            return probe.verify(new ECDSAVerifier(publicKey));
        } catch (JOSEException e) {
            return false;
        }
    }
}
