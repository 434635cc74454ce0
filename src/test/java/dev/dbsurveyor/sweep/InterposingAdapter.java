package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.PoolStats;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.sampling.TableSampler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/**
 * A real adapter with a step run on the real server between enumeration and collection (a
 * database dropped, a privilege revoked), to put a sweep in the state a live server can be in.
 */
final class InterposingAdapter implements DatabaseAdapter {

    private final DatabaseAdapter delegate;
    private final Function<List<EnumeratedDatabase>, Mono<Void>> afterEnumeration;

    InterposingAdapter(DatabaseAdapter delegate, Function<List<EnumeratedDatabase>, Mono<Void>> afterEnumeration) {
        this.delegate = delegate;
        this.afterEnumeration = afterEnumeration;
    }

    @Override
    public Mono<ServerInfo> serverInfo() {
        return delegate.serverInfo();
    }

    @Override
    public Flux<EnumeratedDatabase> enumerate() {
        return delegate.enumerate().collectList()
                .flatMapMany(databases -> afterEnumeration.apply(databases).thenMany(Flux.fromIterable(databases)));
    }

    @Override
    public Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
        return delegate.collect(database, retries);
    }

    @Override
    public Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler) {
        return delegate.sample(schema, sampler);
    }

    @Override
    public Mono<java.time.Duration> roundTrip() {
        return delegate.roundTrip();
    }

    @Override
    public PoolStats poolStats() {
        return delegate.poolStats();
    }

    @Override
    public Mono<Void> close() {
        return delegate.close();
    }
}
