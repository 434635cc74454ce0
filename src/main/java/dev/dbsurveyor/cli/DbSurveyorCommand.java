package dev.dbsurveyor.cli;

import dev.dbsurveyor.sweep.Sweep;
import picocli.CommandLine.Command;

/** The top command: its subcommands ({@link Main#commandLine()} adds them) do the work. */
@Command(name = "dbsurveyor",
        mixinStandardHelpOptions = true,
        versionProvider = DbSurveyorCommand.Version.class,
        description = {"Collects the schemas of whole PostgreSQL, MySQL and MariaDB servers into JSON.",
                "A server is named by a URL: postgresql://... for PostgreSQL, mysql://... or mariadb://... for MySQL and MariaDB."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0    at least one selected database produced a usable document",
                "  1    none did (with --strict: a database failed, or a table could not be read)",
                "  2    usage or configuration error: bad flag, URL, pattern or output path",
                "       (diff exits as diff(1): 0 same, 1 different, 2 trouble)",
                "  130  interrupted (Ctrl-C)"})
public final class DbSurveyorCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Prints the collector version. */
    public static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dbsurveyor " + Sweep.collectorVersion()};
        }
    }
}
