package dev.dbsurveyor.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line the process builds for its arguments: only the subcommand they name, unless it needs the others. */
class MainTest {

    private static final List<String> ALL = List.of("collect", "list", "test", "validate", "diff", "report", "merge", "demo", "completion");

    @Test
    void aSubcommandRunsWithoutItsSiblingsAndWithTheSameOptionsAsInTheWholeCommandLine() {
        for (String name : List.of("collect", "list", "test", "validate", "diff", "report", "merge", "demo")) {
            CommandLine alone = Main.commandLine(new String[] {name, "--help"});

            assertThat(alone.getSubcommands().keySet()).as(name).containsExactly(name);
            assertThat(optionNames(alone.getSubcommands().get(name)))
                    .isEqualTo(optionNames(Main.commandLine().getSubcommands().get(name)));
        }
    }

    @Test
    void theTopCommandTheCompletionAndAnythingElseGetEverySubcommandInTheHelpsOrder() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"completion", "bash"},
                new String[] {"colect"}, new String[] {"--version"})) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactlyElementsOf(ALL);
        }
    }

    @Test
    void aLoneSubcommandKeepsTheErrorHandlingOfTheWholeCommandLine() {
        StringWriter err = new StringWriter();
        String[] args = {"collect", "--no-such-flag", "postgresql://127.0.0.1"};
        CommandLine alone = Main.commandLine(args);
        alone.setErr(new PrintWriter(err));

        int exitCode = alone.execute(args);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("dbsurveyor: Unknown option: '--no-such-flag'").endsWith("(see: dbsurveyor collect --help)");
    }

    private static List<String> optionNames(CommandLine command) {
        return command.getCommandSpec().options().stream().map(OptionSpec::longestName).sorted().toList();
    }
}
