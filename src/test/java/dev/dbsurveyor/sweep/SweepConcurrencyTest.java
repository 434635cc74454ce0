package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.PoolStats;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.sampling.TableSampler;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep's bookkeeping of max_concurrency, in virtual time, on an adapter that answers each
 * collection after one second: no server is involved because none is needed to count.
 */
class SweepConcurrencyTest {

    /** Databases named so that many filtered ones sort among the first. */
    private static final List<String> NAMES = IntStream.range(0, 300).mapToObj(i -> (i % 3 == 0 ? "keep_" : "drop_") + i).sorted().toList();

    private static final class CountingAdapter implements DatabaseAdapter {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();

        @Override
        public Mono<ServerInfo> serverInfo() {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Flux<EnumeratedDatabase> enumerate() {
            return Flux.fromIterable(NAMES).map(name -> new EnumeratedDatabase(name, null, null, null, 0L, false, true));
        }

        @Override
        public Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
            return Mono.delay(Duration.ofSeconds(1))
                    .map(tick -> DatabaseSchema.notCollected(database, CollectionStatus.SUCCESS, 1000, Instant.EPOCH, "test"))
                    .doOnSubscribe(subscription -> peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max))
                    .doOnSuccess(schema -> inFlight.decrementAndGet());
        }

        @Override
        public Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler) {
            return Mono.error(new UnsupportedOperationException());
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

    @Test
    void filteredDatabasesNeverTakeCollectionSlots() {
        CountingAdapter adapter = new CountingAdapter();
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include("keep_*").maxConcurrency(16).build();

        StepVerifier.withVirtualTime(() -> Sweep.of(adapter, config).outcomes()
                        .filter(DatabaseOutcome.Collected.class::isInstance).count())
                .thenAwait(Duration.ofSeconds(7))
                .expectNext(100L)
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        assertThat(adapter.peak.get()).isEqualTo(16);
    }
}
