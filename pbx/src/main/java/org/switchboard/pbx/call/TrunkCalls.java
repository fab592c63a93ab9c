package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.sip.message.SipRequest;

/**
 * Recognises INVITEs that carriers send through trunks: such a call is not an extension's and is
 * not challenged; its caller's identity is screened (STIR/SHAKEN), then it goes to the destination
 * its DID routes to. Implemented by the inbound routes (pbx.route); recognising reads memory only,
 * called on the INVITE's executor.
 */
public interface TrunkCalls {
    /** No trunks: every INVITE is an extension's. */
    TrunkCalls NONE = new TrunkCalls() {
        @Override
        public Optional<TrunkCall> recognise(SipRequest invite, InetSocketAddress source) {
            return Optional.empty();
        }

        @Override
        public void screen(SipRequest invite, Executor executor, Consumer<Screening> then) {
            executor.execute(() -> then.accept(new Screening.Admit(Optional.empty())));
        }
    };

    /**
     * An INVITE from a trunk, as routed.
     *
     * @param trunk the trunk's name (the CDR's caller authentication, logs)
     * @param caller the calling number (P-Asserted-Identity, else From)
     * @param did the number called
     * @param destination where the DID routes; empty when neither it nor a default has a route (404)
     */
    record TrunkCall(String trunk, String caller, String did, Optional<Destination> destination) {}

    /** What the caller's identity check made of a trunk call. */
    sealed interface Screening {
        /**
         * Route the call; the phones it rings are sent {@code assertedIdentity} as their
         * P-Asserted-Identity (the carrier's caller marked with {@code verstat}), when there is one.
         */
        record Admit(Optional<String> assertedIdentity) implements Screening {}

        /** Refuse the call with {@code status} and {@code reason}. */
        record Refuse(int status, String reason) implements Screening {}
    }

    /** The trunk call {@code invite} from {@code source} is, or empty when it comes from no trunk. */
    Optional<TrunkCall> recognise(SipRequest invite, InetSocketAddress source);

    /**
     * Screens a recognised trunk call's caller identity; {@code then} runs on {@code executor} (the
     * call's) with the outcome. Never blocks the calling thread.
     */
    void screen(SipRequest invite, Executor executor, Consumer<Screening> then);
}
