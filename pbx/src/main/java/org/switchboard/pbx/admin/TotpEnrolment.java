package org.switchboard.pbx.admin;

/**
 * A TOTP secret just generated for an admin, not yet confirmed: the base32 secret and the
 * {@code otpauth://} URI an authenticator app reads (typed in, or from a QR code). The only moment
 * the plain secret leaves the server. {@link #toString()} hides it.
 */
public record TotpEnrolment(String secret, String otpauthUri) {
    @Override
    public String toString() {
        return "TotpEnrolment[secret=***]";
    }
}
