package org.switchboard.pbx.registrar;

import java.net.InetAddress;
import java.util.Optional;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Transport;

/**
 * Told of every request whose digest credentials were wrong (unknown user, wrong password, foreign
 * or replayed nonce), from REGISTER and from every other challenged method, so that password
 * guessing can be counted, logged and stopped. Called on the Call-ID's serial executor: an
 * implementation must not block.
 */
@FunctionalInterface
public interface AuthFailureListener {
    void failed(Failure failure);

    /** Listens to nothing. */
    AuthFailureListener NONE = failure -> {};

    /**
     * One failed check: where it came from, the extension (user) it tried, the method, the
     * User-Agent it claimed (untrusted text) and the transport. Immutable.
     */
    record Failure(InetAddress source, String extension, String method, Optional<String> userAgent,
            Transport transport) {

        /** The failure of {@code tx}'s request, which tried {@code extension}. */
        public static Failure of(ServerTransaction tx, String extension) {
            return new Failure(tx.flow().remote().getAddress(), extension, tx.request().method().name(),
                    tx.request().headers().first(HeaderName.USER_AGENT), tx.flow().transport());
        }
    }
}
