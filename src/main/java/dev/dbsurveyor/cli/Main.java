package dev.dbsurveyor.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Entry point of the {@code dbsurveyor} command. */
public final class Main {

    /** The subcommands in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Completion scripts cover every command. */
    private static final Set<String> SIBLINGS_NEEDED = Set.of("completion");

    private Main() {
    }

    public static void main(String[] args) {
        Warmup.start(args);
        int exitCode = commandLine(args).execute(args);
        EventLoopThreads.stop();
        System.exit(exitCode);
    }

    /** The command line with every subcommand, ready to execute; tests run it in-process. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line {@code args} need: when they start with a subcommand that never looks at its
     * siblings, only that one. Picocli builds each command's model by reflection, and building the
     * six others cost about half of its start.
     */
    static CommandLine commandLine(String[] args) {
        return args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !SIBLINGS_NEEDED.contains(args[0])
                ? commandLine(Set.of(args[0]))
                : commandLine();
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("collect", CollectCommand::new);
        subcommands.put("list", ListCommand::new);
        subcommands.put("test", TestCommand::new);
        subcommands.put("validate", ValidateCommand::new);
        subcommands.put("diff", DiffCommand::new);
        subcommands.put("report", ReportCommand::new);
        subcommands.put("merge", MergeCommand::new);
        subcommands.put("demo", DemoCommand::new);
        subcommands.put("completion", CompletionCommand::new);
        return subcommands;
    }

    private static CommandLine commandLine(Set<String> names) {
        CommandLine commandLine = new CommandLine(new DbSurveyorCommand());
        SUBCOMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::usageError);
        commandLine.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        return commandLine;
    }
}
