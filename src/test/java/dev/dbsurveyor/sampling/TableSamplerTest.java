package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionMetadata;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseInfo;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.PrimaryKey;
import dev.dbsurveyor.model.SampleStatus;
import dev.dbsurveyor.model.SamplingStrategy;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.TableReference;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.testing.ContractSchemas;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sampler makes of each answer a source gives; the sources here stand in for a server's answers. */
class TableSamplerTest {

    private final List<SampleQuery> queries = new CopyOnWriteArrayList<>();
    /**
     * A timer of this class's own: another unit test installs BlockHound in this JVM, which stops
     * the threads Reactor's shared schedulers had already started, and a permit on them never comes.
     */
    private final Scheduler timer = Schedulers.newSingle("table-sampler-test");

    @AfterEach
    void stopTimer() {
        timer.dispose();
    }

    @Test
    void aReadThatFailsIsReadAgainWithHalfTheLimit() {
        DatabaseSchema document = sample(10, query -> query.limit() == 10
                ? Flux.error(new R2dbcNonTransientResourceException("canceling statement due to statement timeout", "57014"))
                : rows(query.limit()), table("orders", new PrimaryKey("pk", List.of("id"))));

        TableSample sample = document.samples().get(0);
        assertThat(sample.sampleStatus()).isEqualTo(new SampleStatus.PartialRetry(10));
        assertThat(sample.samplingStrategy()).isEqualTo(new SamplingStrategy.MostRecent(5));
        assertThat(sample.rows()).hasSize(5);
        assertThat(sample.warnings()).anySatisfy(warning -> assertThat(warning).contains("10 rows failed"));
        assertThat(queries).extracting(SampleQuery::limit).containsExactly(10, 5);
        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
    }

    @Test
    void aReadThatFailsTwiceIsSkippedWithOneFailureAndTheOtherTablesAreKept() {
        DatabaseSchema document = sample(4, query -> query.table().name().equals("gone")
                ? Flux.error(new R2dbcBadGrammarException("relation \"gone\" does not exist", "42P01"))
                : rows(query.limit()), table("gone", null), table("kept", null));

        assertThat(document.samples()).extracting(TableSample::tableName).containsExactly("gone", "kept");
        TableSample gone = document.samples().get(0);
        assertThat(gone.sampleStatus()).isEqualTo(new SampleStatus.Skipped("relation \"gone\" does not exist"));
        assertThat(gone.samplingStrategy()).isEqualTo(new SamplingStrategy.None());
        assertThat(gone.rows()).isEmpty();
        assertThat(document.collectionMetadata().objectFailures()).singleElement()
                .isEqualTo(new ObjectFailure(dev.dbsurveyor.model.ObjectType.TABLE, "gone", "s", CollectionStage.SAMPLE_DATA,
                        ErrorCategory.NOT_FOUND, "relation \"gone\" does not exist", 1, null));
        assertThat(document.samples().get(1).rows()).hasSize(4);
        assertThat(document.samples().get(1).samplingStrategy()).isEqualTo(new SamplingStrategy.Random(4));
    }

    @Test
    void aTableTheRoleMayNotReadIsNotReadAgain() {
        DatabaseSchema document = sample(4, query -> Flux.error(new R2dbcPermissionDeniedException("permission denied for table secret", "42501")),
                table("secret", null));

        assertThat(queries).hasSize(1);
        assertThat(document.collectionMetadata().objectFailures()).singleElement()
                .satisfies(failure -> {
                    assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.PERMISSION);
                    assertThat(failure.retryAttempts()).isZero();
                });
    }

    @Test
    void afterTheConnectionIsLostTheRemainingTablesAreSkippedWithoutAQuery() {
        DatabaseSchema document = sample(4, query -> query.table().name().equals("second")
                ? Flux.error(new R2dbcNonTransientResourceException("terminating connection due to administrator command", "57P01"))
                : rows(query.limit()), table("first", null), table("second", null), table("third", null), table("fourth", null));

        assertThat(queries).extracting(query -> query.table().name()).containsExactly("first", "second");
        assertThat(document.samples()).extracting(TableSample::sampleStatus).containsExactly(new SampleStatus.Complete(),
                new SampleStatus.Skipped("terminating connection due to administrator command"),
                new SampleStatus.Skipped("terminating connection due to administrator command"),
                new SampleStatus.Skipped("terminating connection due to administrator command"));
        assertThat(document.collectionMetadata().objectFailures()).extracting(ObjectFailure::objectName)
                .containsExactly("second", "third", "fourth");
    }

    @Test
    void foreignTablesAndPartitionsAreNotSampled() {
        Table foreign = new Table("remote", "s", List.of(id()), null, List.of(), List.of(), List.of(), null, null, TableKind.FOREIGN_TABLE, null);
        Table partition = new Table("part", "s", List.of(id()), null, List.of(), List.of(), List.of(), null, null, TableKind.TABLE,
                new TableReference("s", "parent"));

        DatabaseSchema document = sample(2, query -> rows(query.limit()), foreign, partition, table("parent", null));

        assertThat(document.samples()).extracting(TableSample::tableName).containsExactly("parent");
    }

    @Test
    void whenNoConnectionOpensEveryTableIsSkippedAndOneFailureSaysWhy() {
        TableSampler sampler = new TableSampler(SamplingConfig.builder().rowsPerTable(3).build(), QueryRateLimit.perSecond(10, timer));

        DatabaseSchema document = sampler.unreachable(document(table("a", null), table("b", null)),
                new R2dbcNonTransientResourceException("too many connections", "53300"));

        ContractSchemas.assertValid(document);
        assertThat(document.samples()).allSatisfy(sample -> assertThat(sample.sampleStatus()).isInstanceOf(SampleStatus.Skipped.class));
        assertThat(document.collectionMetadata().objectFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.objectName()).isEqualTo("*"));
    }

    private DatabaseSchema sample(int rows, Function<SampleQuery, Flux<ObjectNode>> answers, Table... tables) {
        SampleSource source = new SampleSource() {
            @Override
            public Flux<ObjectNode> read(SampleQuery query) {
                queries.add(query);
                return answers.apply(query);
            }

            @Override
            public Optional<String> randomCaveat(SampleQuery query) {
                return Optional.empty();
            }
        };
        TableSampler sampler = new TableSampler(SamplingConfig.builder().rowsPerTable(rows).build(), QueryRateLimit.perSecond(10_000, timer));
        DatabaseSchema document = sampler.sample(document(tables), source).block();
        ContractSchemas.assertValid(document);
        return document;
    }

    private static Flux<ObjectNode> rows(int count) {
        return Flux.range(1, count).map(i -> JsonNodeFactory.instance.objectNode().put("id", i));
    }

    private static Column id() {
        return new Column("id", new UnifiedDataType.IntegerType(32, true), false, false, false, null, null, 1, "integer");
    }

    private static Table table(String name, PrimaryKey key) {
        return new Table(name, "s", List.of(id()), key, List.of(), List.of(), List.of(), null, 100L, TableKind.TABLE, null);
    }

    private static DatabaseSchema document(Table... tables) {
        return new DatabaseSchema(DatabaseSchema.FORMAT_VERSION,
                new DatabaseInfo("db", null, null, null, null, null, false, AccessLevel.FULL, new CollectionStatus.Success()),
                List.of(tables), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                new CollectionMetadata(Instant.EPOCH, 1, "test", List.of(), List.of()), List.of());
    }
}
