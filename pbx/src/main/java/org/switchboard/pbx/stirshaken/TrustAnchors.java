package org.switchboard.pbx.stirshaken;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificate authorities whose signers we believe (the STI-PA's list of approved STI-CAs),
 * and the check that a signer's certificate chains up to one of them with the JDK's PKIX {@link
 * CertPathValidator}: signatures, validity at the given time, CA constraints. Revocation is not
 * checked (STI-CRL distribution points are carrier-specific; see docs/stir-shaken.md).
 * Immutable; any thread.
 */
public final class TrustAnchors {
    private final Set<TrustAnchor> anchors;

    public TrustAnchors(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor");
        }
        this.anchors = certificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
    }

    /** The anchors of the configured PEM bundle; a bad file is a start-up error naming it. */
    public static TrustAnchors load(Path bundle) {
        return new TrustAnchors(PemFiles.certificates(StirShakenSettings.TRUST_ANCHORS, bundle));
    }

    /**
     * Checks that {@code chain} (the signer's certificate first, then any intermediates, as served
     * at x5u) leads to a trust anchor and is valid at {@code at}; throws with the reason otherwise.
     */
    public void validate(List<X509Certificate> chain, Date at) throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        // A served bundle may end with the root itself; PKIX wants the path without the anchor.
        List<X509Certificate> path = chain.stream()
                .filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))).toList();
        if (path.isEmpty()) {
            throw new GeneralSecurityException("the x5u served only a trust anchor, no signer certificate");
        }
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }
}
