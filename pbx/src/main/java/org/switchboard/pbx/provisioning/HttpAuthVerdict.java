package org.switchboard.pbx.provisioning;

import java.util.List;

/** What to do with one phone request for its file, as far as HTTP digest authentication goes. Immutable. */
public sealed interface HttpAuthVerdict {

    /** The device has no HTTP credentials: its file is protected by the URL token (and static IP) only. */
    record NotRequired() implements HttpAuthVerdict {}

    /** The request carries the device's right credentials. */
    record Granted(String username) implements HttpAuthVerdict {}

    /**
     * Answer 401 with these {@code WWW-Authenticate} values.
     *
     * @param failedAttempt true when credentials were given and are wrong (counts against the client
     *     like a scan), false for a first request without credentials or a stale nonce
     * @param reason for the log, never for the client
     */
    record Challenge(List<String> wwwAuthenticate, boolean failedAttempt, String reason) implements HttpAuthVerdict {
        public Challenge {
            wwwAuthenticate = List.copyOf(wwwAuthenticate);
        }
    }
}
