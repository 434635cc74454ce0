package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.EnumeratedDatabase;

import java.util.List;
import java.util.Optional;

/**
 * Decides what a sweep does with each enumerated database: system databases are filtered out
 * unless asked for; with include patterns only names matching one stay; names matching an exclude
 * pattern go; a database the role cannot connect to is skipped with a reason, never attempted.
 */
public final class DatabaseFilter {

    /** What happens to one database. */
    public sealed interface Verdict {

        /** Whether the filters select the database (to collect it, or to skip it). */
        boolean selected();

        /** What the sweep does with the database, as {@code list} shows it: collect, skip or filtered. */
        String action();

        /** Why, for a database not collected; empty for one that is. */
        String reason();

        /** The database's outcome when the verdict decides it at once; empty when it is to be collected. */
        Optional<DatabaseOutcome> outcome(String database);

        /** Collect it. */
        record Collect() implements Verdict {
            @Override
            public boolean selected() {
                return true;
            }

            @Override
            public String action() {
                return "collect";
            }

            @Override
            public String reason() {
                return "";
            }

            @Override
            public Optional<DatabaseOutcome> outcome(String database) {
                return Optional.empty();
            }
        }

        /** Left out by the configuration; counted as filtered. */
        record Filtered(String reason) implements Verdict {
            @Override
            public boolean selected() {
                return false;
            }

            @Override
            public String action() {
                return "filtered";
            }

            @Override
            public Optional<DatabaseOutcome> outcome(String database) {
                return Optional.of(new DatabaseOutcome.Filtered(database, reason));
            }
        }

        /** Selected, but the role may not connect; counted as skipped. */
        record Skip(String reason) implements Verdict {
            @Override
            public boolean selected() {
                return true;
            }

            @Override
            public String action() {
                return "skip";
            }

            @Override
            public Optional<DatabaseOutcome> outcome(String database) {
                return Optional.of(new DatabaseOutcome.Skipped(database, reason));
            }
        }
    }

    private final boolean includeSystem;
    private final List<GlobPattern> include;
    private final List<GlobPattern> exclude;

    public DatabaseFilter(boolean includeSystem, List<GlobPattern> include, List<GlobPattern> exclude) {
        this.includeSystem = includeSystem;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    public static DatabaseFilter of(MultiDatabaseConfig config) {
        return new DatabaseFilter(config.includeSystem(), config.includePatterns(), config.excludePatterns());
    }

    public Verdict decide(EnumeratedDatabase database) {
        String name = database.name();
        if (database.isSystemDatabase() && !includeSystem) {
            return new Verdict.Filtered("system database");
        }
        if (!include.isEmpty() && include.stream().noneMatch(pattern -> pattern.matches(name))) {
            return new Verdict.Filtered("matches no include pattern");
        }
        for (GlobPattern pattern : exclude) {
            if (pattern.matches(name)) {
                return new Verdict.Filtered("matches exclude pattern " + pattern);
            }
        }
        if (!database.isAccessible()) {
            return new Verdict.Skip("the role may not connect to this database");
        }
        return new Verdict.Collect();
    }
}
