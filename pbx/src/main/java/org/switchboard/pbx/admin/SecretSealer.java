package org.switchboard.pbx.admin;

/**
 * Seals a secret the node must read back later (an admin's TOTP secret) so the database holds
 * only ciphertext, bound to its {@code owner}: a sealed value copied onto another owner's row does
 * not open. The server backs it with the node's key file (the provisioning cipher); declared here
 * so that admin accounts do not depend on the provisioning feature. Implementations are thread-safe.
 */
public interface SecretSealer {

    /** The printable sealed form of {@code secret}. */
    String seal(String owner, String secret);

    /** The secret sealed by {@link #seal} for the same owner; throws when it was sealed with another key or owner, or altered. */
    String open(String owner, String sealed);
}
