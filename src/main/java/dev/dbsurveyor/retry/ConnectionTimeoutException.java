package dev.dbsurveyor.retry;

import io.r2dbc.spi.R2dbcTimeoutException;

/**
 * No connection could be had in time: none became free within the acquire timeout, or opening
 * one took longer than the connect timeout. A connection error that may pass, so it is retried.
 */
public final class ConnectionTimeoutException extends R2dbcTimeoutException {

    public ConnectionTimeoutException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
