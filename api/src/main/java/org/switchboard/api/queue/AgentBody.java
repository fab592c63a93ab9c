package org.switchboard.api.queue;

/** Request body of {@code PUT /api/queues/agents/{extension}}: what to change (an omitted field is kept). */
public record AgentBody(Boolean loggedIn, Boolean paused) {}
