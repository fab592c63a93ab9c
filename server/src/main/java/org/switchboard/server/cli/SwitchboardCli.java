package org.switchboard.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs one command line: parses {@code args}, runs the command, maps errors to exit codes
 * ({@link CliErrors}). {@link org.switchboard.server.Main} calls it with the process streams;
 * tests call it in-process with their own. Called on one thread per invocation.
 */
public final class SwitchboardCli {
    private SwitchboardCli() {}

    /** Returns the exit code: 0 success, 1 failure, 2 bad input. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
        CliErrors errors = new CliErrors();
        CommandLine commandLine = new CommandLine(SwitchboardCommand.class, new CliFactory(context))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
