package org.switchboard.api.queue;

import java.util.Map;

/**
 * Request body of {@code PUT /api/queue-agents/{extension}}: what to change (an omitted field is kept);
 * {@code skills} replaces every skill level of the agent.
 */
public record AgentBody(Boolean loggedIn, Boolean paused, Map<String, Integer> skills) {}
