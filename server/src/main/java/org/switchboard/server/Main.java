package org.switchboard.server;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.switchboard.server.cli.CliContext;
import org.switchboard.server.cli.SwitchboardCli;

/**
 * Entry point of the Switchboard server and command line: runs the command and exits with its
 * code. Runs on the JVM's main thread.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(SwitchboardCli.execute(args, out, err, CliContext.ofProcess()));
    }
}
