package org.switchboard.pbx.provisioning;

/**
 * A device's stored SIP secret cannot be opened: the key file changed or the row was altered.
 * The device must be saved again (which generates a new password). Thrown on the calling thread.
 */
public final class SealedSecretException extends RuntimeException {
    public SealedSecretException(String message) {
        super(message);
    }
}
