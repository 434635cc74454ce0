package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Engine family of a server, written as the v1.0 format names it. */
public enum ServerType {
    @JsonProperty("PostgreSQL")
    POSTGRESQL("PostgreSQL"),
    @JsonProperty("MySQL")
    MYSQL("MySQL"),
    @JsonProperty("MariaDB")
    MARIADB("MariaDB"),
    @JsonProperty("SQLite")
    SQLITE("SQLite");

    private final String displayName;

    ServerType(String displayName) {
        this.displayName = displayName;
    }

    /** The engine's name as the format and people write it. */
    public String displayName() {
        return displayName;
    }
}
