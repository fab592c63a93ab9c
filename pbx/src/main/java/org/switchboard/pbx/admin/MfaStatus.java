package org.switchboard.pbx.admin;

/** An admin's second factor: whether TOTP is on, whether an enrolment waits for its confirming code, and recovery codes left. */
public record MfaStatus(boolean totpEnabled, boolean totpPending, int recoveryCodesLeft) {}
