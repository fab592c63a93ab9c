package org.switchboard.api.voicemail;

/** Request body of {@code PATCH .../messages/{id}}: the folder to move the message to, {@code new} or {@code old}. */
public record MessageBody(String folder) {}
