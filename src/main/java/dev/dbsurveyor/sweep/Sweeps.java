package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.server.ServerTarget;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.function.Function;

/**
 * Sweeps of a server named by a URL. Calling a method does nothing: each subscription makes an
 * adapter of its own (on a thread that may block, since making one looks the host up), runs the
 * sweep, and closes the adapter when the sweep ends, fails or is cancelled, so a result can be
 * subscribed to again. To sweep with an adapter of your own (built from your own connection
 * factories), use {@link Sweep#of}.
 */
public final class Sweeps {

    private Sweeps() {
    }

    /** The streamed outcomes of a sweep of {@code target}; see {@link Sweep#outcomes()}. */
    public static Flux<DatabaseOutcome> outcomes(ServerTarget target, ConnectionConfig connection, MultiDatabaseConfig config,
                                                 SweepListener listener) {
        return Flux.usingWhen(adapter(target, connection), adapter -> sweep(adapter, config, listener).outcomes(),
                DatabaseAdapter::close);
    }

    /** A whole sweep of {@code target} in the shape of its output; see {@link Sweep#collectAll()}. */
    public static Mono<MultiDatabaseOutput> collectAll(ServerTarget target, ConnectionConfig connection, MultiDatabaseConfig config,
                                                       SweepListener listener) {
        return using(target, connection, adapter -> sweep(adapter, config, listener).collectAll());
    }

    /** One database of {@code target}, retried and sampled as a sweep would; see {@link Sweep#collectOne(String)}. */
    public static Mono<DatabaseSchema> collectOne(ServerTarget target, ConnectionConfig connection, MultiDatabaseConfig config,
                                                  String database, SweepListener listener) {
        return using(target, connection, adapter -> sweep(adapter, config, listener).collectOne(database));
    }

    private static <T> Mono<T> using(ServerTarget target, ConnectionConfig connection, Function<DatabaseAdapter, Mono<T>> work) {
        return Mono.usingWhen(adapter(target, connection), work, DatabaseAdapter::close);
    }

    private static Mono<DatabaseAdapter> adapter(ServerTarget target, ConnectionConfig connection) {
        return Mono.fromCallable(() -> DatabaseAdapters.create(target, connection)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Sweep sweep(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener) {
        return Sweep.of(adapter, config).withListener(listener);
    }
}
