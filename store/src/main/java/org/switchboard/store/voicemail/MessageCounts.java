package org.switchboard.store.voicemail;

/** How many messages a box holds in folder {@code new} and in folder {@code old}. Immutable. */
public record MessageCounts(int newMessages, int oldMessages) {}
