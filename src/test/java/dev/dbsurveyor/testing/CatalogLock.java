package dev.dbsurveyor.testing;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A session that holds an {@code ACCESS EXCLUSIVE} lock on one PostgreSQL catalog table of one
 * database until closed, so that every query of a collector that reads it waits (and times out).
 * Test code: the session runs on a thread of its own, named {@code catalog-lock-*}.
 */
public final class CatalogLock implements AutoCloseable {

    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private final Thread holder;

    private CatalogLock(TestServer server, String database, String catalogTable, CompletableFuture<Void> held) {
        holder = new Thread(() -> Mono.usingWhen(Mono.from(server.connectionFactory(database).create()),
                connection -> Flux.from(connection.createStatement("BEGIN; LOCK TABLE pg_catalog." + catalogTable + " IN ACCESS EXCLUSIVE MODE")
                                .execute()).concatMap(result -> result.getRowsUpdated()).then()
                        .then(Mono.fromRunnable(() -> held.complete(null)))
                        .then(Mono.fromFuture(release)),
                Connection::close)
                .doOnError(held::completeExceptionally)
                .block(Duration.ofMinutes(5)), "catalog-lock-" + database);
        holder.setDaemon(true);
        holder.start();
    }

    /** Locks {@code catalogTable} (such as {@code pg_trigger}) in {@code database}; returns once the lock is held. */
    public static CatalogLock hold(TestServer server, String database, String catalogTable) throws Exception {
        CompletableFuture<Void> held = new CompletableFuture<>();
        CatalogLock lock = new CatalogLock(server, database, catalogTable, held);
        held.get(30, TimeUnit.SECONDS);
        return lock;
    }

    /** Ends the session, and with it the lock; returns once its connection is closed. */
    @Override
    public void close() throws InterruptedException {
        release.complete(null);
        holder.join(30_000);
    }
}
