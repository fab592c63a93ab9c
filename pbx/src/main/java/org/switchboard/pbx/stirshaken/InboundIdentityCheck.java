package org.switchboard.pbx.stirshaken;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipRequest;

/**
 * The hook an incoming trunk call passes through before it is routed: verifies the INVITE's
 * Identity header and hands the INVITE on, marked with {@code verstat}, on the call's own
 * executor; or, when failed calls are refused, hands on the refusal instead. The call thread only
 * starts it. Thread-safe.
 */
public final class InboundIdentityCheck {
    private static final Logger log = LoggerFactory.getLogger(InboundIdentityCheck.class);

    /** What to do with the call: go on with the (marked) INVITE, or refuse it. */
    public sealed interface Outcome permits Proceed, Refuse {}

    /** Route {@code invite}, which now carries {@code verstat}. */
    public record Proceed(SipRequest invite, Verification verification) implements Outcome {}

    /** Answer with {@code status} and {@code reason} (RFC 8224 §6.2.2). */
    public record Refuse(int status, String reason, Verification verification) implements Outcome {}

    private final IdentityVerifier verifier;
    private final boolean rejectFailed;

    public InboundIdentityCheck(IdentityVerifier verifier, boolean rejectFailed) {
        this.verifier = verifier;
        this.rejectFailed = rejectFailed;
    }

    /** Starts the check of {@code invite}; {@code then} runs on {@code callExecutor} with the outcome. */
    public void check(SipRequest invite, Executor callExecutor, Consumer<Outcome> then) {
        CompletableFuture<Verification> verification;
        try {
            verification = verifier.verify(CallNumbers.of(invite));
        } catch (RuntimeException e) {
            verification = CompletableFuture.completedFuture(Verification.notVerified("unreadable INVITE: " + e.getMessage()));
        }
        verification.thenAcceptAsync(v -> then.accept(outcome(invite, v)), callExecutor);
    }

    private Outcome outcome(SipRequest invite, Verification v) {
        log.info("stir/shaken verification call_id={} verstat={} attest={} reason={}", invite.callId(), v.verstat().token(),
                v.attest().map(Enum::name).orElse("-"), v.reason());
        if (rejectFailed && v.verstat() == Verstat.TN_VALIDATION_FAILED) {
            return new Refuse(v.status(), v.reasonPhrase(), v);
        }
        return new Proceed(VerstatMarker.mark(invite, v.verstat()), v);
    }
}
