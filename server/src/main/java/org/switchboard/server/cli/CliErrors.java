package org.switchboard.server.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.server.config.ConfigException;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;
import org.switchboard.store.db.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line's error edge: turns every failure into one or a few lines on standard error
 * and an exit code, never a stack trace. Bad input (options, configuration, field values) is 2;
 * a failure (database unreachable, not found, conflict, anything unexpected) is 1. Runs on the
 * command-line thread.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit code for input the user must correct. */
    static final int BAD_INPUT = 2;
    /** Exit code for a command that could not do its work. */
    static final int FAILURE = 1;

    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code = switch (e) {
            case ConfigException c -> {
                c.problems().forEach(err::println);
                err.println(c.problems().size() + (c.problems().size() == 1 ? " problem" : " problems")
                        + " in the configuration; nothing was started");
                yield BAD_INPUT;
            }
            case ValidationException v -> {
                err.println("error: " + optionName(v.field()) + ": " + v.getMessage());
                yield BAD_INPUT;
            }
            case ConflictException c -> {
                err.println("error: " + optionName(c.field()) + ": " + c.getMessage());
                yield FAILURE;
            }
            case NotFoundException n -> {
                err.println("error: " + n.getMessage());
                yield FAILURE;
            }
            case UnavailableException u -> {
                err.println("error: " + u.getMessage());
                yield FAILURE;
            }
            default -> {
                // Unexpected: a short line for the operator, the stack trace only in the debug log.
                err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                log.debug("command failed", e);
                yield FAILURE;
            }
        };
        err.flush();
        return code;
    }

    /**
     * What the user typed for a field: the positional parameter, the option ({@code voicemail_pin}
     * is {@code --voicemail-pin}), or a configuration key (dotted) as it is.
     */
    private static String optionName(String field) {
        return switch (field) {
            case "number" -> "NUMBER";
            case "username" -> "USER";
            case "archive" -> "FILE";
            case "database", "data_dir" -> field;
            default -> field.contains(".") ? field : "--" + field.replace('_', '-');
        };
    }
}
