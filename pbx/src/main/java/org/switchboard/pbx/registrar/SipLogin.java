package org.switchboard.pbx.registrar;

import java.util.Optional;

/**
 * Who a digest user name belongs to: the extension it may register and call as, and, when it is a
 * provisioned device's own user name rather than the extension number, that device's MAC.
 * Immutable.
 *
 * @param enabled whether the extension may register and call
 */
public record SipLogin(String authUser, String extension, Optional<String> deviceMac, boolean enabled) {}
