package org.switchboard.server.config;

/**
 * One thing wrong with the configuration: where it is, which key, and what to fix. Immutable; any thread.
 *
 * @param key the dotted key path, e.g. {@code sip.port} or {@code extensions[2].number}; empty for the whole file
 */
public record ConfigProblem(Origin origin, String key, String message) {

    /** The line printed by {@code config check}: {@code switchboard.yml:12: sip.port: must be between 1 and 65535}. */
    @Override
    public String toString() {
        return key.isEmpty() ? origin + ": " + message : origin + ": " + key + ": " + message;
    }
}
