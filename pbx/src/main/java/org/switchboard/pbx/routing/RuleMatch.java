package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * A rule whose pattern matched the whole dialled string, as a {@link DestinationKind} sees it.
 * Immutable.
 *
 * @param ruleName the rule's name (for explanations)
 * @param target the rule's target with its group references filled in ({@code 10$1} -> {@code 1042})
 * @param dialled what was dialled
 * @param argument the pattern's first group when it captured something
 */
public record RuleMatch(String ruleName, String target, String dialled, Optional<String> argument) {}
