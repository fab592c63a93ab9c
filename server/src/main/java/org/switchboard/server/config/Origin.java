package org.switchboard.server.config;

/**
 * Where a configuration value came from: a line of the file, an environment variable, or the
 * built-in default. Printed at the start of every problem message. Immutable; any thread.
 */
public sealed interface Origin permits Origin.FileLine, Origin.Environment, Origin.Default {

    /** A line of the configuration file (0 when the whole file is meant). */
    record FileLine(String file, int line) implements Origin {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    /** An environment variable. */
    record Environment(String variable) implements Origin {
        @Override
        public String toString() {
            return "environment " + variable;
        }
    }

    /** The built-in default. */
    record Default() implements Origin {
        @Override
        public String toString() {
            return "default";
        }
    }

    static Origin file(String file, int line) {
        return new FileLine(file, line);
    }
}
