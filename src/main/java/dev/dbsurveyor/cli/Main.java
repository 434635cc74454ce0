package dev.dbsurveyor.cli;

import picocli.CommandLine;

/** Entry point of the {@code dbsurveyor} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Warmup.start(args);
        int exitCode = commandLine().execute(args);
        EventLoopThreads.stop();
        System.exit(exitCode);
    }

    /** The command line, ready to execute; tests run it in-process. */
    public static CommandLine commandLine() {
        DbSurveyorCommand top = new DbSurveyorCommand();
        CommandLine commandLine = new CommandLine(top);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::usageError);
        commandLine.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        return commandLine;
    }
}
