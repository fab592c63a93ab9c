package org.switchboard.pbx.provisioning;

import java.util.Optional;

/**
 * Finds a provisioned device's own SIP login by its digest user name, from memory: called on call
 * executors by the registrar and call control, so it must not block. Thread-safe.
 */
@FunctionalInterface
public interface ProvisionedLogins {

    /** The device whose user name this is, if any. */
    Optional<ProvisionedLogin> findLogin(String authUser);
}
