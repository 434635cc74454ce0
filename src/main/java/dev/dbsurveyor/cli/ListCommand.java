package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.sweep.DatabaseFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** {@code dbsurveyor list}: what a sweep would collect. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "list",
        description = "List every database of a server and whether a sweep with these filters would collect it.",
        footerHeading = "%nExamples:%n",
        footer = {"  dbsurveyor list postgresql://surveyor@db.example.com --include 'sales_*'",
                "  dbsurveyor list mysql://surveyor@db.example.com --json",
                "  dbsurveyor list mariadb://surveyor@db.example.com:3307 --exclude 'test_*'",
                "  dbsurveyor list sqlite:///srv/backups/ --recursive"})
final class ListCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = UrlForms.HELP)
    String url;

    @Mixin
    FilterOptions filters;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces of errors.")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() throws Exception {
        Environment environment = Environment.system();
        DatabaseFilter filter = DatabaseFilter.of(filters.config().build());
        DatabaseAdapter adapter = DatabaseAdapters.create(connection.target(url, environment), connection.config(environment));
        try {
            List<EnumeratedDatabase> databases = adapter.enumerate().collectList().block();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = ContractMapper.mapper().createArrayNode();
                for (EnumeratedDatabase database : databases) {
                    ObjectNode node = ContractMapper.mapper().valueToTree(database);
                    DatabaseFilter.Verdict verdict = filter.decide(database);
                    node.put("selected", verdict.action());
                    node.put("reason", verdict.reason());
                    array.add(node);
                }
                out.println(ContractMapper.mapper().writeValueAsString(array));
            } else {
                out.printf("%-32s %12s  %-16s %-10s %s%n", "DATABASE", "SIZE", "OWNER", "ACCESS", "SWEEP");
                for (EnumeratedDatabase database : databases) {
                    DatabaseFilter.Verdict verdict = filter.decide(database);
                    String reason = verdict.reason();
                    out.printf("%-32s %12s  %-16s %-10s %s%n", database.name(), size(database.sizeBytes()),
                            database.owner() == null ? "-" : database.owner(), database.isAccessible() ? "yes" : "no",
                            verdict.action() + (reason.isEmpty() ? "" : " (" + reason + ")"));
                }
            }
            out.flush();
            return 0;
        } finally {
            adapter.close().block();
        }
    }

    private static String size(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
