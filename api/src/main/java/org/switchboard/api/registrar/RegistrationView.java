package org.switchboard.api.registrar;

import java.time.Instant;
import org.switchboard.pbx.registrar.Binding;

/**
 * Response body for one live binding: which extension registered which contact, where the phone
 * is really reached (source address and port after NAT, transport), until when, and with what
 * User-Agent. Immutable.
 */
public record RegistrationView(
        String extension,
        String contact,
        String sourceAddress,
        int sourcePort,
        String transport,
        Instant expiresAt,
        String userAgent) {

    static RegistrationView of(Binding b) {
        return new RegistrationView(b.extension(), b.contactKey(), b.flow().remote().getAddress().getHostAddress(),
                b.flow().remote().getPort(), b.flow().transport().name(), b.expiresAt(), b.userAgent());
    }
}
