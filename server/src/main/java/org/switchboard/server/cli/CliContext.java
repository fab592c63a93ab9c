package org.switchboard.server.cli;

import java.time.Clock;
import java.util.Map;

/**
 * What every command gets from outside: the environment (for {@code SWITCHBOARD_*} overrides),
 * the clock and the version string. Tests pass their own. Immutable; any thread.
 */
public record CliContext(Map<String, String> environment, Clock clock, String version) {
    public CliContext {
        environment = Map.copyOf(environment);
    }

    /** The real process: its environment, the system clock, the version from the jar manifest. */
    public static CliContext ofProcess() {
        return new CliContext(System.getenv(), Clock.systemUTC(), BuildVersion.current());
    }
}
