package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.EnumeratedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFilterTest {

    private static EnumeratedDatabase database(String name, boolean system, boolean accessible) {
        return new EnumeratedDatabase(name, "owner", "UTF8", "C", 1L, system, accessible);
    }

    @Test
    void systemDatabasesAreFilteredUnlessAskedFor() {
        EnumeratedDatabase template = database("template1", true, true);

        assertThat(DatabaseFilter.of(MultiDatabaseConfig.defaults()).decide(template))
                .isEqualTo(new DatabaseFilter.Verdict.Filtered("system database"));
        assertThat(DatabaseFilter.of(MultiDatabaseConfig.builder().includeSystem(true).build()).decide(template))
                .isInstanceOf(DatabaseFilter.Verdict.Collect.class);
    }

    @Test
    void includePatternsKeepOnlyMatchesAndExcludePatternsRemoveAfterwards() {
        DatabaseFilter filter = DatabaseFilter.of(MultiDatabaseConfig.builder().include("sales_*").include("hr").exclude("*_old").build());

        assertThat(filter.decide(database("sales_eu", false, true))).isInstanceOf(DatabaseFilter.Verdict.Collect.class);
        assertThat(filter.decide(database("hr", false, true))).isInstanceOf(DatabaseFilter.Verdict.Collect.class);
        assertThat(filter.decide(database("billing", false, true)))
                .isEqualTo(new DatabaseFilter.Verdict.Filtered("matches no include pattern"));
        assertThat(filter.decide(database("sales_old", false, true)))
                .isEqualTo(new DatabaseFilter.Verdict.Filtered("matches exclude pattern *_old"));
    }

    @Test
    void aSelectedDatabaseTheRoleCannotConnectToIsSkippedNotAttempted() {
        DatabaseFilter filter = DatabaseFilter.of(MultiDatabaseConfig.defaults());

        assertThat(filter.decide(database("locked", false, false))).isInstanceOf(DatabaseFilter.Verdict.Skip.class);
    }

    @Test
    void aFilteredDatabaseIsFilteredEvenWhenItIsNotAccessible() {
        DatabaseFilter filter = DatabaseFilter.of(MultiDatabaseConfig.builder().exclude("locked").build());

        assertThat(filter.decide(database("locked", false, false))).isInstanceOf(DatabaseFilter.Verdict.Filtered.class);
    }
}
