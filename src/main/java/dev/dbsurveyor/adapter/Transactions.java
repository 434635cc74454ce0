package dev.dbsurveyor.adapter;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Ending reads whose multi-statement exchange stopped before its COMMIT. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Rolls back the connection's open transaction, so that it goes back to its pool, or reads on,
     * outside any transaction; on a lost connection this fails, which is no further error of the read's.
     */
    public static Mono<Void> rollback(Connection connection) {
        return Flux.from(connection.createStatement("ROLLBACK").execute())
                .concatMap(result -> result.getRowsUpdated())
                .then()
                .onErrorResume(ignored -> Mono.empty());
    }
}
