package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Engine family of a server, written as the v1.0 format names it. */
public enum ServerType {
    @JsonProperty("PostgreSQL")
    POSTGRESQL,
    @JsonProperty("MySQL")
    MYSQL,
    @JsonProperty("MariaDB")
    MARIADB
}
