package dev.dbsurveyor.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.PoolStats;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionMetadata;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseInfo;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.sampling.SampleQuery;
import dev.dbsurveyor.sampling.SampleSource;
import dev.dbsurveyor.sampling.TableSampler;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The sampling rate holds for the whole sweep, not per table or per database: four databases of
 * fifty tables, collected four at a time, sampled at 50 queries a second, take four seconds of
 * virtual time. The adapter answers at once, so the rate limit is all that takes time.
 */
class SweepSamplingRateTest {

    private static final int DATABASES = 4;
    private static final int TABLES_PER_DATABASE = 50;

    @Test
    void twoHundredTablesAtFiftyQueriesASecondTakeFourSeconds() {
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().maxConcurrency(DATABASES)
                .sampling(SamplingConfig.builder().rowsPerTable(1).queriesPerSecond(50).build()).build();

        StepVerifier.withVirtualTime(() -> Sweep.of(new InstantAdapter(), config).outcomes()
                        .filter(DatabaseOutcome.Collected.class::isInstance)
                        .map(outcome -> ((DatabaseOutcome.Collected) outcome).schema().samples().size())
                        .reduce(0, Integer::sum))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(3_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(DATABASES * TABLES_PER_DATABASE)
                .verifyComplete();
    }

    /** Answers every question at once: fifty one-column tables per database, one row per sample. */
    private static final class InstantAdapter implements DatabaseAdapter {

        @Override
        public Mono<ServerInfo> serverInfo() {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Flux<EnumeratedDatabase> enumerate() {
            return Flux.range(0, DATABASES).map(i -> new EnumeratedDatabase("db" + i, null, null, null, 0L, false, true));
        }

        @Override
        public Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
            Column id = new Column("id", new UnifiedDataType.IntegerType(32, true), false, false, false, null, null, 1, "integer");
            List<Table> tables = IntStream.range(0, TABLES_PER_DATABASE)
                    .mapToObj(i -> new Table("t" + i, "s", List.of(id), null, List.of(), List.of(), List.of(), null, 1L, null, null))
                    .toList();
            return Mono.just(new DatabaseSchema(DatabaseSchema.FORMAT_VERSION,
                    new DatabaseInfo(database, null, null, null, null, null, false, AccessLevel.FULL, CollectionStatus.SUCCESS),
                    tables, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                    new CollectionMetadata(Instant.EPOCH, 0, "test", List.of(), List.of()), List.of()));
        }

        @Override
        public Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler) {
            return sampler.sample(schema, new SampleSource() {
                @Override
                public Flux<ObjectNode> read(SampleQuery query) {
                    return Flux.just(JsonNodeFactory.instance.objectNode().put("id", 1));
                }

                @Override
                public Optional<String> randomCaveat(SampleQuery query) {
                    return Optional.empty();
                }
            });
        }

        @Override
        public Mono<Duration> roundTrip() {
            return Mono.just(Duration.ZERO);
        }

        @Override
        public PoolStats poolStats() {
            return new PoolStats(0, 0, 0, 0);
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
