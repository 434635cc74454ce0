package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.model.SweepFilters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a resume of a per-database directory does with each database, decided from the manifest,
 * the server's databases now and the resume's own filters. Collected again: failed entries,
 * entries not reached (an interrupted or {@code --fail-fast} sweep), entries skipped for another
 * reason (unless the scope is {@link ResumeScope#FAILED}), documents with object failures, entries
 * whose file is missing, and databases the filters select that have no entry. Kept as they are:
 * complete documents, entries the filters now leave out, and entries of databases gone from the
 * server (marked stale). A collected document is never replaced by a stub: when its database can
 * no longer be connected to, it is kept.
 *
 * @param server    the server as it describes itself now (checked to be the manifest's)
 * @param decisions one per database, entries first in the manifest's order, then the server's new databases
 * @param filterChange a sentence saying how the filters differ from those of the run that wrote the
 *                     manifest; empty when they are the same or were not recorded
 * @param selected  the server's databases the filters select now (to collect or to skip)
 */
public record ResumePlan(ServerInfo server, List<Decision> decisions, Optional<String> filterChange, Set<String> selected) {

    /** How the reason of a Skipped status starts when the sweep never got to the database. */
    public static final String NOT_REACHED = "not reached";

    public ResumePlan {
        Objects.requireNonNull(server, "server");
        decisions = List.copyOf(decisions);
        selected = Set.copyOf(selected);
    }

    /** What the resume does with one database. */
    public sealed interface Decision {

        String database();

        /** Why, in a few words (for progress lines and tests). */
        String why();

        /** The entry of a database the resume runs again, when it had one; empty for the others. */
        Optional<ManifestEntry> previousEntry();

        /** The entry is kept as it is (it may have been marked stale). */
        record Keep(ManifestEntry entry, String why) implements Decision {
            @Override
            public String database() {
                return entry.name();
            }

            @Override
            public Optional<ManifestEntry> previousEntry() {
                return Optional.empty();
            }
        }

        /** The database is collected again, or for the first time when {@code previous} is null. */
        record Collect(String database, String why, ManifestEntry previous) implements Decision {
            @Override
            public Optional<ManifestEntry> previousEntry() {
                return Optional.ofNullable(previous);
            }
        }

        /** The database is selected but the role may not connect to it: a Skipped outcome, known at once. */
        record Skip(String database, String why, ManifestEntry previous) implements Decision {
            @Override
            public Optional<ManifestEntry> previousEntry() {
                return Optional.ofNullable(previous);
            }
        }

        /** The database has no entry and the filters leave it out. */
        record Filter(String database, String why) implements Decision {
            @Override
            public Optional<ManifestEntry> previousEntry() {
                return Optional.empty();
            }
        }
    }

    /** The filters of {@code config} as a manifest records them. */
    public static SweepFilters filtersOf(MultiDatabaseConfig config) {
        return new SweepFilters(config.includeSystem(), config.includePatterns().stream().map(GlobPattern::toString).toList(),
                config.excludePatterns().stream().map(GlobPattern::toString).toList());
    }

    /** Whether a status says that the sweep never got to the database. */
    public static boolean notReached(CollectionStatus status) {
        return status instanceof CollectionStatus.Skipped skipped && skipped.reason().startsWith(NOT_REACHED);
    }

    /**
     * The plan for {@code manifest} against the {@code server}'s {@code databases} now.
     *
     * @param missingFiles names of entries whose file is not in the directory
     * @param now          when a database found gone is marked stale
     */
    public static ResumePlan of(MultiDatabaseManifest manifest, Set<String> missingFiles, ServerInfo server, List<EnumeratedDatabase> databases,
                                MultiDatabaseConfig config, ResumeScope scope, Instant now) {
        DatabaseFilter filter = DatabaseFilter.of(config);
        Map<String, EnumeratedDatabase> onServer = new LinkedHashMap<>();
        databases.forEach(database -> onServer.put(database.name(), database));
        Set<String> filteredBefore = new HashSet<>();
        manifest.filtered().forEach(database -> filteredBefore.add(database.databaseName()));

        Map<String, DatabaseFilter.Verdict> verdicts = new HashMap<>();
        onServer.values().forEach(database -> verdicts.put(database.name(), filter.decide(database)));
        List<Decision> decisions = new ArrayList<>();
        Map<String, ManifestEntry> entries = new HashMap<>();
        for (ManifestEntry entry : manifest.databases()) {
            entries.put(entry.name(), entry);
            decisions.add(!onServer.containsKey(entry.name())
                    ? new Decision.Keep(entry.staleFrom(now), "gone from the server")
                    : decide(entry, verdicts.get(entry.name()), missingFiles.contains(entry.name()), scope));
        }
        for (EnumeratedDatabase database : onServer.values()) {
            if (!entries.containsKey(database.name())) {
                decisions.add(decideNew(database.name(), verdicts.get(database.name()), filteredBefore.contains(database.name())));
            }
        }
        Set<String> selected = new HashSet<>();
        verdicts.forEach((database, verdict) -> {
            if (verdict.selected()) {
                selected.add(database);
            }
        });
        return new ResumePlan(server, decisions, filterChange(manifest.filters(), filtersOf(config)), selected);
    }

    /**
     * A sentence saying how the filters {@code now} differ from those {@code recorded} in a
     * manifest; empty when they are the same, or when the manifest does not record them.
     */
    public static Optional<String> filterChange(SweepFilters recorded, SweepFilters now) {
        return recorded == null || recorded.equals(now) ? Optional.empty()
                : Optional.of("the filters differ from those of the run that wrote the manifest (" + recorded.describe() + "; now "
                        + now.describe() + "): the new ones apply, and entries they leave out are kept as they are");
    }

    private static Decision decide(ManifestEntry entry, DatabaseFilter.Verdict verdict, boolean missingFile, ResumeScope scope) {
        if (verdict instanceof DatabaseFilter.Verdict.Filtered) {
            return new Decision.Keep(entry, "left out by the filters now");
        }
        Optional<String> again = collectAgain(entry, missingFile, scope);
        if (again.isEmpty()) {
            return new Decision.Keep(entry, entry.status() instanceof CollectionStatus.Skipped skipped
                    ? "skipped: " + skipped.reason() : "collected");
        }
        if (verdict instanceof DatabaseFilter.Verdict.Skip skip) {
            if (entry.status() instanceof CollectionStatus.Success && !missingFile) {
                return new Decision.Keep(entry, skip.reason() + ": the document collected before is kept");
            }
            if (entry.status() instanceof CollectionStatus.Skipped skipped && skipped.reason().equals(skip.reason()) && !missingFile) {
                return new Decision.Keep(entry, "still skipped: " + skip.reason());
            }
            return new Decision.Skip(entry.name(), skip.reason(), entry);
        }
        return new Decision.Collect(entry.name(), again.get(), entry);
    }

    /** Why an entry is collected again; empty when it is kept. */
    private static Optional<String> collectAgain(ManifestEntry entry, boolean missingFile, ResumeScope scope) {
        if (entry.stale()) {
            return Optional.of("back on the server");
        }
        if (missingFile) {
            return Optional.of("its file is missing");
        }
        if (entry.status() instanceof CollectionStatus.Failed failed) {
            return Optional.of("failed: " + failed.error());
        }
        if (entry.status() instanceof CollectionStatus.Skipped skipped) {
            return notReached(skipped) ? Optional.of(NOT_REACHED)
                    : scope == ResumeScope.ALL ? Optional.of("skipped: " + skipped.reason()) : Optional.empty();
        }
        return entry.objectFailureCount() > 0 ? Optional.of(entry.objectFailureCount() + " object failure(s)") : Optional.empty();
    }

    private static Decision decideNew(String database, DatabaseFilter.Verdict verdict, boolean filteredBefore) {
        if (verdict instanceof DatabaseFilter.Verdict.Filtered filtered) {
            return new Decision.Filter(database, filtered.reason());
        }
        if (verdict instanceof DatabaseFilter.Verdict.Skip skip) {
            return new Decision.Skip(database, skip.reason(), null);
        }
        return new Decision.Collect(database, filteredBefore ? "left out by the earlier filters" : "new on the server", null);
    }

    /** The databases to collect, in the plan's order. */
    public List<String> toCollect() {
        return decisions.stream().filter(Decision.Collect.class::isInstance).map(Decision::database).toList();
    }

    /** The outcomes known at once: databases selected that the role may not connect to. */
    public List<DatabaseOutcome> decided() {
        return decisions.stream().filter(Decision.Skip.class::isInstance)
                .<DatabaseOutcome>map(skip -> new DatabaseOutcome.Skipped(skip.database(), skip.why())).toList();
    }

    /** The entries kept as they are (stale ones marked), in the manifest's order. */
    public List<ManifestEntry> kept() {
        return decisions.stream().filter(Decision.Keep.class::isInstance).map(keep -> ((Decision.Keep) keep).entry()).toList();
    }

    /** The databases the filters leave out that have no entry. */
    public List<SkippedDatabase> filtered() {
        return decisions.stream().filter(Decision.Filter.class::isInstance)
                .map(filter -> new SkippedDatabase(filter.database(), filter.why())).toList();
    }

    /** The entries the databases run again had before the resume, by name. */
    public Map<String, ManifestEntry> previousEntries() {
        Map<String, ManifestEntry> previous = new HashMap<>();
        decisions.forEach(decision -> decision.previousEntry().ifPresent(entry -> previous.put(entry.name(), entry)));
        return previous;
    }

    /** The databases the resume runs again (collects, or finds it may not connect to), in the plan's order. */
    public List<String> rerun() {
        return decisions.stream().filter(decision -> decision instanceof Decision.Collect || decision instanceof Decision.Skip)
                .map(Decision::database).toList();
    }
}
