package org.switchboard.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets how chatty a command is. {@code run} logs lifecycle at INFO; one-shot commands keep their
 * standard error for warnings, errors and configuration changes (who changed what), so their
 * standard output stays clean for scripts. Called by a command before it starts work.
 */
final class Logging {
    private Logging() {}

    /** Everything at INFO, for a running server. */
    static void forServer() {
        root().setLevel(Level.INFO);
    }

    /** WARN and above, except configuration changes made by the PBX services (INFO). */
    static void forOneShotCommand() {
        root().setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.switchboard.pbx")).setLevel(Level.INFO);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
