package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.server.ServerTarget;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sweeps of a server named by a URL: the adapter is made for the sweep and closed when it ends,
 * fails or is cancelled. To sweep with an adapter of your own (built from your own connection
 * factories), use {@link Sweep#of}.
 */
public final class Sweeps {

    private Sweeps() {
    }

    /** The streamed outcomes of a sweep of {@code target}; see {@link Sweep#outcomes()}. */
    public static Flux<DatabaseOutcome> outcomes(ServerTarget target, ConnectionConfig connection, MultiDatabaseConfig config,
                                                 SweepListener listener) {
        DatabaseAdapter adapter = DatabaseAdapters.create(target, connection);
        return Flux.usingWhen(Mono.just(adapter), a -> Sweep.of(a, config).withListener(listener).outcomes(), DatabaseAdapter::close);
    }

    /** A whole sweep of {@code target} in the shape of its output; see {@link Sweep#collectAll()}. */
    public static Mono<MultiDatabaseOutput> collectAll(ServerTarget target, ConnectionConfig connection, MultiDatabaseConfig config,
                                                       SweepListener listener) {
        DatabaseAdapter adapter = DatabaseAdapters.create(target, connection);
        return Mono.usingWhen(Mono.just(adapter), a -> Sweep.of(a, config).withListener(listener).collectAll(), DatabaseAdapter::close);
    }
}
