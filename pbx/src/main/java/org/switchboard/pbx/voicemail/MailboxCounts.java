package org.switchboard.pbx.voicemail;

/** How many new and old messages a box holds (RFC 3842's Voice-Message counts). Immutable. */
public record MailboxCounts(String box, int newMessages, int oldMessages) {}
