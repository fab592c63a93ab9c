package org.switchboard.sip.event;

/** One NOTIFY body: a package's state document and its media type. Immutable (the bytes are not copied: do not change them). */
public record EventState(String contentType, byte[] body) {}
