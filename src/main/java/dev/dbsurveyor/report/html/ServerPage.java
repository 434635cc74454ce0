package dev.dbsurveyor.report.html;

import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.report.CollectionOverview;
import dev.dbsurveyor.report.DatabaseSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server page: the collection's facts and its databases' counts by status. The list of
 * databases itself is data ({@code data/databases.js}) the page's script sorts, filters and pages;
 * {@code columns} name its columns (label, and the key the script sorts by); {@code accessHref} is
 * the access page, null when the collection has no access map.
 */
public record ServerPage(String title, List<Fact> facts, List<Fact> statusCounts, List<Fact> columns, String accessHref) {

    /** The columns of the server page's list, as the script knows them. */
    static final List<Fact> COLUMNS = List.of(new Fact("Database", "name"), new Fact("Status", "status"),
            new Fact("Size", "size"), new Fact("Tables", "tables"), new Fact("Views", "views"), new Fact("Indexes", "indexes"),
            new Fact("Constraints", "constraints"), new Fact("Routines", "routines"), new Fact("Triggers", "triggers"),
            new Fact("Types", "types"), new Fact("Failures", "failures"), new Fact("Collected at", "collectedAt"),
            new Fact("Took", "duration"));

    /** The server page of {@code overview}'s collection of {@code databases}. */
    public static ServerPage of(CollectionOverview overview, List<DatabaseSummary> databases) {
        List<Fact> facts = new ArrayList<>();
        ServerInfo server = overview.server();
        if (server != null) {
            facts.add(new Fact("Server", server.serverType().displayName() + " " + server.version()));
            facts.add(new Fact("Host", server.host() + (server.port() == null ? "" : ":" + server.port())));
            facts.add(new Fact("Connected as", server.connectionUser() + (server.hasSuperuserPrivileges() ? " (superuser)" : "")));
            facts.add(new Fact("Databases on the server", Integer.toString(server.totalDatabases())));
        }
        facts.add(new Fact("Read from", overview.source() + " (" + overview.form().name().toLowerCase(java.util.Locale.ROOT) + ")"));
        facts.add(new Fact("Report made at", overview.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        long objects = databases.stream().mapToLong(database -> database.counts().tables()).sum();
        facts.add(new Fact("Tables in all", Long.toString(objects)));
        facts.add(new Fact("Object failures in all", Long.toString(databases.stream().mapToLong(DatabaseSummary::objectFailures).sum())));
        Map<String, Integer> byStatus = new TreeMap<>(Map.of("Success", 0, "Failed", 0, "Skipped", 0));
        databases.forEach(database -> byStatus.merge(database.status(), 1, Integer::sum));
        List<Fact> counts = new ArrayList<>();
        byStatus.forEach((status, count) -> counts.add(new Fact(status, Integer.toString(count))));
        return new ServerPage(title(overview), facts, counts, COLUMNS, null);
    }

    /** The server's name as pages title it: host and port, or where the collection was read from. */
    public static String title(CollectionOverview overview) {
        ServerInfo server = overview.server();
        return server == null ? overview.source() : server.host() + (server.port() == null ? "" : ":" + server.port());
    }

    /** This page with a link to the access page at {@code href}. */
    ServerPage withAccessPage(String href) {
        return new ServerPage(title, facts, statusCounts, columns, href);
    }
}
