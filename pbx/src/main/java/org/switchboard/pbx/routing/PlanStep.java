package org.switchboard.pbx.routing;

/**
 * One line of a call plan's explanation after the dial plan decided: what the call settings or
 * the registrations of {@code extension} did to the call (forwarded it, refused it, rang it).
 * Immutable.
 */
public record PlanStep(String extension, String outcome) {}
