package dev.dbsurveyor.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements a PostgreSQL server ran for one connection, from the bytes it sends back:
 * each statement ends in exactly one CommandComplete ({@code 'C'}) or ErrorResponse ({@code 'E'})
 * message, whether it came in a simple query of many statements or an extended-protocol Execute.
 * Needs a connection without TLS.
 */
final class PostgresStatementCounter implements DelayProxy.ServerBytes {

    private final AtomicLong statements;
    /** ReadyForQuery ({@code 'Z'}) messages: one ends each exchange, a simple query of many statements or an extended-protocol Sync. */
    private final AtomicLong exchanges;
    private final byte[] header = new byte[5];
    private int headerFilled;
    private long bodyLeft;

    PostgresStatementCounter(AtomicLong statements) {
        this(statements, new AtomicLong());
    }

    PostgresStatementCounter(AtomicLong statements, AtomicLong exchanges) {
        this.statements = statements;
        this.exchanges = exchanges;
    }

    @Override
    public void accept(byte[] chunk, int length) {
        int at = 0;
        while (at < length) {
            if (bodyLeft > 0) {
                int skipped = (int) Math.min(bodyLeft, length - at);
                bodyLeft -= skipped;
                at += skipped;
                continue;
            }
            header[headerFilled++] = chunk[at++];
            if (headerFilled == header.length) {
                headerFilled = 0;
                if (header[0] == 'C' || header[0] == 'E') {
                    statements.incrementAndGet();
                } else if (header[0] == 'Z') {
                    exchanges.incrementAndGet();
                }
                long messageLength = ((header[1] & 0xffL) << 24) | ((header[2] & 0xff) << 16) | ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                bodyLeft = messageLength - 4;
            }
        }
    }
}
