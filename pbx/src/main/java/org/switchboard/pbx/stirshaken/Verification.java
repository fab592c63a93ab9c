package org.switchboard.pbx.stirshaken;

import java.util.Optional;

/**
 * The outcome of verifying one call's Identity header. Immutable; any thread.
 *
 * @param verstat what the phone is told
 * @param status the RFC 8224 §6.2.2 response code that names the failure (403 Stale Date, 436 Bad
 *     Identity Info, 437 Unsupported Credential, 438 Invalid Identity Header), for a policy that
 *     refuses failed calls; 0 unless {@code verstat} is TN-Validation-Failed
 * @param reason what was found, in words, for the log and the refusal's reason phrase
 * @param attest the verified attestation, when the verification passed
 */
public record Verification(Verstat verstat, int status, String reason, Optional<Attestation> attest) {

    static Verification passed(Attestation attest) {
        return new Verification(Verstat.TN_VALIDATION_PASSED, 0, "verified", Optional.of(attest));
    }

    static Verification failed(int status, String reason) {
        return new Verification(Verstat.TN_VALIDATION_FAILED, status, reason, Optional.empty());
    }

    static Verification notVerified(String reason) {
        return new Verification(Verstat.NO_TN_VALIDATION, 0, reason, Optional.empty());
    }

    /** The reason phrase of a refusal: the RFC 8224 name of the status and, but for 436, what was wrong. */
    public String reasonPhrase() {
        String name = switch (status) {
            case 403 -> "Stale Date";
            case 436 -> "Bad Identity Info";
            case 437 -> "Unsupported Credential";
            default -> "Invalid Identity Header";
        };
        // A fetch failure's details (refused, timed out, HTTP status) stay in our log: in the
        // caller's answer they would tell whoever chose the x5u which internal addresses answer.
        return status == 436 ? name : name + " (" + reason + ")";
    }
}
