package dev.dbsurveyor.adapter;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.sampling.TableSampler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One engine's way of reading a server: what databases it has, what it is, and each database's
 * schema. Every method is lazy and non-blocking; nothing happens until subscription, and
 * cancelling a subscription closes what it opened.
 */
public interface DatabaseAdapter {

    /** The server's version, user and privileges. */
    Mono<ServerInfo> serverInfo();

    /** Every database of the server, system databases and those the role cannot connect to included. */
    Flux<EnumeratedDatabase> enumerate();

    /**
     * One database's schema. A stage that fails is retried within {@code retries}; what still
     * fails is listed as object failures in the document. A database that cannot be reached at
     * all ends the {@code Mono} with the error (the caller retries that, on the same budget).
     */
    Mono<DatabaseSchema> collect(String database, DatabaseRetries retries);

    /** One database's schema, nothing retried. */
    default Mono<DatabaseSchema> collect(String database) {
        return collect(database, DatabaseRetries.none());
    }

    /**
     * {@code schema} with sample rows of its tables, read by {@code sampler} on a connection of
     * their own to the document's database. Never fails for a table or a connection: what cannot
     * be read becomes skipped samples and object failures in the document.
     */
    Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler);

    /**
     * Whether the adapter's connections are encrypted, as the server reports one of them, with
     * the TLS protocol, the cipher and the server's certificate. An adapter that cannot tell
     * fails with {@link UnsupportedOperationException}.
     */
    default Mono<TransportSecurity> transportSecurity() {
        return Mono.error(new UnsupportedOperationException(getClass().getSimpleName() + " cannot tell how its connections are secured"));
    }

    /** How long one trivial statement takes to come back on an open connection. */
    Mono<java.time.Duration> roundTrip();

    /** The connections' current state. */
    PoolStats poolStats();

    /** Closes the adapter's pooled connections. */
    Mono<Void> close();
}
