package org.switchboard.pbx.stirshaken;

/**
 * The verification result a phone sees as the {@code verstat} parameter of the caller's number in
 * P-Asserted-Identity (3GPP TS 24.229 §7.2A.20, ATIS-1000074 §5.3.1).
 */
public enum Verstat {
    /** The PASSporT verified: signed by a trusted provider for this caller and callee, just now. */
    TN_VALIDATION_PASSED("TN-Validation-Passed"),
    /** An Identity header was there and did not verify. */
    TN_VALIDATION_FAILED("TN-Validation-Failed"),
    /** Nothing was verified: no Identity header, or verification could not finish in time. */
    NO_TN_VALIDATION("No-TN-Validation");

    private final String token;

    Verstat(String token) {
        this.token = token;
    }

    /** The parameter value. */
    public String token() {
        return token;
    }
}
