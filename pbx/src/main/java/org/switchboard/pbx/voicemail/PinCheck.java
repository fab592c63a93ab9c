package org.switchboard.pbx.voicemail;

/** What a typed voicemail PIN got: the box opens, the PIN was wrong, or the box is locked after too many wrong PINs. */
public enum PinCheck { ACCEPTED, WRONG, LOCKED }
