package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one server's sweep in a fleet ended. */
public enum FleetServerStatus {
    /** Every selected database was collected (or skipped, as a sweep skips those it may not connect to). */
    @JsonProperty("success")
    SUCCESS,
    /** Some databases were collected and some failed. */
    @JsonProperty("partial")
    PARTIAL,
    /** Nothing was collected: the server could not be reached, or every selected database failed. */
    @JsonProperty("failed")
    FAILED,
    /** The run was interrupted before the server's sweep ended; its directory's manifest marks what was not reached. */
    @JsonProperty("interrupted")
    INTERRUPTED
}
