package org.switchboard.api.conference;

/** Request body of {@code PATCH /api/conferences/{name}/participants/{id}}: {@code {"muted": true}}. */
public record ParticipantBody(Boolean muted) {}
