package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.server.ServerTarget;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Turns what a command throws, and arguments it cannot take, into one line on stderr and a
 * documented exit code: usage and configuration errors are 2, anything else 1 (for {@code diff},
 * whose 1 means "different", every error is 2). The stack trace
 * appears only with {@code -v}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = target(commandLine).map(target -> Messages.of(error, target)).orElseGet(() -> Messages.of(error));
        err.println("dbsurveyor: " + message);
        if (verbose(parseResult)) {
            error.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().userObject() instanceof DiffCommand ? ExitCodes.USAGE : exitCode(error);
    }

    /**
     * A flag or argument picocli cannot take: its message and where to find the usage, on one line,
     * rather than the whole usage text under it.
     */
    static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("dbsurveyor: " + error.getMessage() + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    static int exitCode(Throwable error) {
        if (error instanceof ConfigurationException || error instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.NOTHING_USABLE;
    }

    /** The server the failed command was given, when it takes one and had parsed it. */
    private static Optional<ServerTarget> target(CommandLine commandLine) {
        return commandLine.getCommandSpec().mixins().values().stream()
                .map(CommandLine.Model.CommandSpec::userObject)
                .filter(ConnectionOptions.class::isInstance)
                .map(ConnectionOptions.class::cast)
                .flatMap(options -> options.parsed().stream())
                .findFirst();
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("-v")) {
                return true;
            }
        }
        return false;
    }
}
