package org.switchboard.server.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used; carries every problem found, not only the first, so an
 * operator fixes the file in one pass. The command line prints them and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    // File problems first, by line; then environment variables, by name. A stable sort keeps the
    // order of discovery between problems at one place.
    private static final Comparator<ConfigProblem> READING_ORDER = Comparator
            .comparingInt((ConfigProblem p) -> p.origin() instanceof Origin.FileLine ? 0 : 1)
            .thenComparingInt(p -> p.origin() instanceof Origin.FileLine f ? f.line() : 0)
            .thenComparing(p -> p.origin() instanceof Origin.Environment e ? e.variable() : "");

    private final List<ConfigProblem> problems;

    /** @param problems in any order; kept in reading order */
    public ConfigException(List<ConfigProblem> problems) {
        super(sorted(problems).stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = sorted(problems);
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
        return problems.stream().sorted(READING_ORDER).toList();
    }

    /** The problems, file lines first in line order, then environment variables. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
