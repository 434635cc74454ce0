package dev.dbsurveyor.retry;

import io.r2dbc.spi.R2dbcTimeoutException;

/**
 * No usable connection in time: none became free within the acquire timeout, opening one took
 * longer than the connect timeout, or an open one went silent for longer than any statement may
 * run. A connection error that may pass, so it is retried.
 */
public final class ConnectionTimeoutException extends R2dbcTimeoutException {

    public ConnectionTimeoutException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
