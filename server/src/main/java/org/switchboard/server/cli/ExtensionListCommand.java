package org.switchboard.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.switchboard.store.extension.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code switchboard extension list}: prints every extension as a table on standard output. Command-line thread. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List extensions.")
final class ExtensionListCommand implements Callable<Integer> {
    private static final String ROW = "%-10s  %-30s  %-30s  %-8s  %s%n";

    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    ExtensionListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        List<Extension> extensions;
        try (ServiceSession session = ServiceSession.open(config.load(context.environment()), context)) {
            extensions = session.features().extensions().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "NUMBER", "NAME", "EMAIL", "EXTERNAL", "ENABLED");
        for (Extension e : extensions) {
            out.printf(ROW, e.number(), e.name(), e.email() == null ? "-" : e.email(), e.allowExternal() ? "yes" : "no",
                    e.enabled() ? "yes" : "no");
        }
        return 0;
    }
}
