package org.switchboard.pbx.routing;

/**
 * One hop of call forwarding: extension {@code from} sent the call on, for {@code reason}, to the
 * forwarding target {@code target} as set, which the dial plan turned into extension {@code to}.
 * Immutable.
 */
public record Forward(String from, ForwardReason reason, String target, String to) {}
