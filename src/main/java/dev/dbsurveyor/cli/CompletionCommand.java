package dev.dbsurveyor.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code dbsurveyor completion}: a shell completion script that picocli generates from the commands
 * themselves. zsh gets the bash script too: it turns on zsh's {@code bashcompinit} and registers
 * the same completion function.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "completion",
        description = "Print a script that completes dbsurveyor's commands and options in bash or zsh.",
        footerHeading = "%nInstall:%n",
        footer = {"  bash: add this line to ~/.bashrc:  source <(dbsurveyor completion bash)",
                "  zsh:  add this line to ~/.zshrc:   source <(dbsurveyor completion zsh)",
                "zsh runs the bash script through its bashcompinit, which the script turns on."})
final class CompletionCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.", completionCandidates = Shells.class)
    String shell;

    @Override
    public Integer call() {
        if (!new Shells().contains(shell)) {
            throw new ParameterException(spec.commandLine(), "Unknown shell '" + shell + "': completion is for bash or zsh");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }

    /** The shells a script is made for; also what completes the SHELL argument. */
    static final class Shells extends java.util.ArrayList<String> {
        Shells() {
            super(List.of("bash", "zsh"));
        }
    }
}
