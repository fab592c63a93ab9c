package org.switchboard.pbx.routing;

/**
 * One line of a decision's explanation: a rule the dial plan tried, whether its pattern matched
 * the dialled string, and what that meant. Immutable.
 */
public record RuleTrial(long ruleId, int priority, String name, String pattern, boolean matched, String outcome) {}
