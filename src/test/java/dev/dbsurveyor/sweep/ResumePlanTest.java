package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.model.SweepFilters;
import dev.dbsurveyor.output.DirectoryWriter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of what a resume collects again, keeps, marks stale or leaves out, decided without a server. */
class ResumePlanTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-11-30T10:00:00Z");
    private static final String NO_CONNECT = "the role may not connect to this database";
    private static final ServerInfo SERVER = ContractFixtures.serverInfo(ServerType.POSTGRESQL);

    private static ManifestEntry entry(String name, CollectionStatus status, int objectFailures) {
        return new ManifestEntry(name, name + ".dbsurveyor.json", status, 10, objectFailures);
    }

    private static MultiDatabaseManifest manifest(List<ManifestEntry> entries, List<SkippedDatabase> filtered, SweepFilters filters) {
        int collected = (int) entries.stream().filter(e -> e.status() instanceof CollectionStatus.Success).count();
        int failed = (int) entries.stream().filter(e -> e.status() instanceof CollectionStatus.Failed).count();
        int skipped = entries.size() - collected - failed;
        return new MultiDatabaseManifest(DatabaseSchema.FORMAT_VERSION, SERVER, entries,
                new MultiDatabaseMetadata(EARLIER, 100, entries.size() + filtered.size(), filtered.size(), collected, failed, skipped, 4,
                        "0.1.0", List.of(), null), filtered, filters);
    }

    private static EnumeratedDatabase database(String name) {
        return new EnumeratedDatabase(name, "owner", "UTF8", "C", 1L, false, true);
    }

    private static EnumeratedDatabase unreachable(String name) {
        return new EnumeratedDatabase(name, "owner", "UTF8", "C", null, false, false);
    }

    /** What the plan decided for each database, as "Kind: why". */
    private static Map<String, String> decisions(ResumePlan plan) {
        Map<String, String> decided = new LinkedHashMap<>();
        plan.decisions().forEach(decision -> decided.put(decision.database(), decision.getClass().getSimpleName() + ": " + decision.why()));
        return decided;
    }

    private final MultiDatabaseConfig sales = MultiDatabaseConfig.builder().include("s*").build();
    private final SweepFilters salesFilters = ResumePlan.filtersOf(sales);

    private MultiDatabaseManifest everyKindOfEntry() {
        return manifest(List.of(
                entry("s_clean", CollectionStatus.SUCCESS, 0),
                entry("s_partial", CollectionStatus.SUCCESS, 2),
                entry("s_failed", new CollectionStatus.Failed("connection refused"), 0),
                entry("s_unreached", new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED), 0),
                entry("s_unreached_fail_fast", new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED_AFTER_FAILURE), 0),
                entry("s_denied", new CollectionStatus.Skipped(NO_CONNECT), 0),
                entry("s_gone", CollectionStatus.SUCCESS, 0),
                entry("s_missing_file", CollectionStatus.SUCCESS, 0)),
                List.of(new SkippedDatabase("template1", "system database")), salesFilters);
    }

    private List<EnumeratedDatabase> everyKindOnTheServer() {
        List<EnumeratedDatabase> databases = new ArrayList<>();
        for (String name : List.of("s_clean", "s_partial", "s_failed", "s_unreached", "s_unreached_fail_fast", "s_denied", "s_missing_file",
                "s_new", "other")) {
            databases.add(database(name));
        }
        databases.add(new EnumeratedDatabase("template1", "postgres", "UTF8", "C", 1L, true, true));
        return databases;
    }

    @Test
    void aResumeCollectsAgainFailuresUnreachedSkippedPartialMissingAndNewDatabasesAndKeepsTheRest() {
        ResumePlan plan = ResumePlan.of(everyKindOfEntry(), Set.of("s_missing_file"), SERVER, everyKindOnTheServer(), sales, ResumeScope.ALL,
                NOW);

        assertThat(decisions(plan)).containsExactly(
                Map.entry("s_clean", "Keep: collected"),
                Map.entry("s_partial", "Collect: 2 object failure(s)"),
                Map.entry("s_failed", "Collect: failed: connection refused"),
                Map.entry("s_unreached", "Collect: not reached"),
                Map.entry("s_unreached_fail_fast", "Collect: not reached"),
                Map.entry("s_denied", "Collect: skipped: " + NO_CONNECT),
                Map.entry("s_gone", "Keep: gone from the server"),
                Map.entry("s_missing_file", "Collect: its file is missing"),
                Map.entry("s_new", "Collect: new on the server"),
                Map.entry("other", "Filter: matches no include pattern"),
                Map.entry("template1", "Filter: system database"));
        assertThat(plan.toCollect()).containsExactly("s_partial", "s_failed", "s_unreached", "s_unreached_fail_fast", "s_denied",
                "s_missing_file", "s_new");
        assertThat(plan.rerun()).hasSize(7);
        assertThat(plan.kept()).extracting(ManifestEntry::name).containsExactly("s_clean", "s_gone");
        assertThat(plan.kept().get(0)).as("a complete entry is kept exactly").isEqualTo(everyKindOfEntry().databases().get(0));
        assertThat(plan.kept().get(1).staleSince()).isEqualTo(NOW);
        assertThat(plan.filtered()).extracting(SkippedDatabase::databaseName).containsExactly("other", "template1");
        assertThat(plan.previousEntries()).containsOnlyKeys("s_partial", "s_failed", "s_unreached", "s_unreached_fail_fast", "s_denied",
                "s_missing_file");
        assertThat(plan.filterChange()).isEmpty();
    }

    @Test
    void resumingFailedOnlyKeepsWhatWasSkippedOnPurposeButStillCollectsFailuresAndWhatWasNotReached() {
        ResumePlan plan = ResumePlan.of(everyKindOfEntry(), Set.of("s_missing_file"), SERVER, everyKindOnTheServer(), sales,
                ResumeScope.FAILED, NOW);

        assertThat(decisions(plan)).containsEntry("s_denied", "Keep: skipped: " + NO_CONNECT)
                .containsEntry("s_failed", "Collect: failed: connection refused")
                .containsEntry("s_unreached", "Collect: not reached")
                .containsEntry("s_partial", "Collect: 2 object failure(s)")
                .containsEntry("s_new", "Collect: new on the server");
    }

    @Test
    void aDatabaseTheRoleMayStillNotConnectToIsSkippedAtOnceAndADocumentCollectedBeforeIsNeverReplacedByAStub() {
        MultiDatabaseManifest manifest = manifest(List.of(
                entry("s_denied", new CollectionStatus.Skipped(NO_CONNECT), 0),
                entry("s_failed", new CollectionStatus.Failed("permission denied"), 0),
                entry("s_partial", CollectionStatus.SUCCESS, 1),
                entry("s_unreached", new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED), 0)), List.of(), salesFilters);
        List<EnumeratedDatabase> databases = List.of(unreachable("s_denied"), unreachable("s_failed"), unreachable("s_partial"),
                unreachable("s_unreached"), unreachable("s_new"));

        ResumePlan plan = ResumePlan.of(manifest, Set.of(), SERVER, databases, sales, ResumeScope.ALL, NOW);

        assertThat(decisions(plan)).containsExactly(
                Map.entry("s_denied", "Keep: still skipped: " + NO_CONNECT),
                Map.entry("s_failed", "Skip: " + NO_CONNECT),
                Map.entry("s_partial", "Keep: " + NO_CONNECT + ": the document collected before is kept"),
                Map.entry("s_unreached", "Skip: " + NO_CONNECT),
                Map.entry("s_new", "Skip: " + NO_CONNECT));
        assertThat(plan.decided()).extracting(DatabaseOutcome::database).containsExactly("s_failed", "s_unreached", "s_new");
        assertThat(plan.toCollect()).isEmpty();
    }

    @Test
    void newFiltersApplyToWhatIsCollectedAgainAndEntriesTheyLeaveOutAreKeptAsTheyAre() {
        MultiDatabaseManifest manifest = manifest(List.of(
                entry("s_failed", new CollectionStatus.Failed("timeout"), 0),
                entry("t_failed", new CollectionStatus.Failed("timeout"), 0)),
                List.of(new SkippedDatabase("u_left_out", "matches no include pattern")), salesFilters);
        MultiDatabaseConfig others = MultiDatabaseConfig.builder().include("t*").include("u*").build();

        ResumePlan plan = ResumePlan.of(manifest, Set.of(), SERVER, List.of(database("s_failed"), database("t_failed"), database("u_left_out")),
                others, ResumeScope.ALL, NOW);

        assertThat(decisions(plan)).containsExactly(
                Map.entry("s_failed", "Keep: left out by the filters now"),
                Map.entry("t_failed", "Collect: failed: timeout"),
                Map.entry("u_left_out", "Collect: left out by the earlier filters"));
        assertThat(plan.filterChange()).hasValueSatisfying(change -> assertThat(change)
                .contains("--include 's*'; now --include 't*' --include 'u*'").contains("the new ones apply"));
    }

    @Test
    void filtersAreComparedOnlyWhenTheManifestRecordsThem() {
        SweepFilters recorded = new SweepFilters(true, List.of("a*"), List.of("*_old"));

        assertThat(ResumePlan.filterChange(recorded, new SweepFilters(true, List.of("a*"), List.of("*_old")))).isEmpty();
        assertThat(ResumePlan.filterChange(null, recorded)).isEmpty();
        assertThat(ResumePlan.filterChange(recorded, new SweepFilters(false, List.of("a*"), List.of("*_old")))).hasValue(
                "the filters differ from those of the run that wrote the manifest (--include-system --include 'a*' --exclude '*_old'; "
                        + "now --include 'a*' --exclude '*_old'): the new ones apply, and entries they leave out are kept as they are");
        assertThat(new SweepFilters(false, List.of(), List.of()).describe()).isEqualTo("no filters");
    }

    @Test
    void aStaleEntryKeepsTheDateItWasFirstFoundGoneAndIsCollectedAgainWhenItsDatabaseIsBack() {
        ManifestEntry gone = new ManifestEntry("s_back", "s_back.dbsurveyor.json", CollectionStatus.SUCCESS, 10, 0, 2, EARLIER, EARLIER);
        ManifestEntry stillGone = new ManifestEntry("s_gone", "s_gone.dbsurveyor.json", CollectionStatus.SUCCESS, 10, 0, 1, EARLIER,
                EARLIER);
        MultiDatabaseManifest manifest = manifest(List.of(gone, stillGone), List.of(), salesFilters);

        ResumePlan plan = ResumePlan.of(manifest, Set.of(), SERVER, List.of(database("s_back")), sales, ResumeScope.ALL, NOW);

        assertThat(decisions(plan)).containsExactly(Map.entry("s_back", "Collect: back on the server"),
                Map.entry("s_gone", "Keep: gone from the server"));
        assertThat(plan.kept()).singleElement().isEqualTo(stillGone);
        assertThat(plan.previousEntries()).containsEntry("s_back", gone);
    }

    @Test
    void notReachedIsReadFromTheReasonOfASkippedStatusOnly() {
        assertThat(ResumePlan.notReached(new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED))).isTrue();
        assertThat(ResumePlan.notReached(new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED_AFTER_FAILURE))).isTrue();
        assertThat(ResumePlan.notReached(new CollectionStatus.Skipped(NO_CONNECT))).isFalse();
        assertThat(ResumePlan.notReached(new CollectionStatus.Failed(DirectoryWriter.NOT_REACHED))).isFalse();
        assertThat(Set.of(DirectoryWriter.NOT_REACHED, DirectoryWriter.NOT_REACHED_AFTER_FAILURE).stream()
                .map(reason -> reason.startsWith(ResumePlan.NOT_REACHED)).collect(Collectors.toSet())).containsOnly(true);
    }
}
