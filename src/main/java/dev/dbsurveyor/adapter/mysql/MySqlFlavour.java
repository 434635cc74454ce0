package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.ServerType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server a MySQL-protocol connection reached, MySQL or MariaDB, and its version: what
 * decides the catalog queries and how a statement's time limit is written.
 */
record MySqlFlavour(ServerType type, int major, int minor, int patch, String version) {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Reads {@code SELECT VERSION()}: {@code 8.4.3}, {@code 10.11.9-MariaDB-0+deb12u1}. */
    static MySqlFlavour of(String version) {
        Matcher numbers = NUMBERS.matcher(version);
        if (!numbers.find()) {
            throw new IllegalArgumentException("Not a MySQL or MariaDB version: " + version);
        }
        ServerType type = version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? ServerType.MARIADB : ServerType.MYSQL;
        return new MySqlFlavour(type, Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)),
                Integer.parseInt(numbers.group(3)), version);
    }

    boolean isMariaDb() {
        return type == ServerType.MARIADB;
    }

    /** The version as one number, {@code major * 10000 + minor * 100 + patch}, as {@code server_version_num} is for PostgreSQL. */
    int versionNumber() {
        return major * 10_000 + minor * 100 + patch;
    }

    /** {@code CHECK_CONSTRAINTS} exists: MySQL 8.0.16, MariaDB 10.2.22 and, in the 10.3 line, 10.3.10. */
    boolean hasCheckConstraints() {
        if (isMariaDb()) {
            return atLeast(10, 3, 10) || atLeast(10, 2, 22) && !atLeast(10, 3, 0);
        }
        return atLeast(8, 0, 16);
    }

    /** {@code STATISTICS.EXPRESSION} holds functional key parts: MySQL 8.0.13. */
    boolean hasIndexExpressions() {
        return !isMariaDb() && atLeast(8, 0, 13);
    }

    /** MySQL 8 caches table statistics in {@code information_schema} unless told not to. */
    boolean cachesTableStatistics() {
        return !isMariaDb() && major >= 8;
    }

    /** A SELECT limited to {@code millis}: MariaDB's {@code SET STATEMENT}, MySQL's optimizer hint. */
    String limited(String select, long millis) {
        if (isMariaDb()) {
            return atLeast(10, 1, 2)
                    ? "SET STATEMENT max_statement_time = " + String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0) + " FOR " + select
                    : select;
        }
        return atLeast(5, 7, 8) ? select.replaceFirst("^SELECT ", "SELECT /*+ MAX_EXECUTION_TIME(" + millis + ") */ ") : select;
    }

    private boolean atLeast(int major, int minor, int patch) {
        return versionNumber() >= major * 10_000 + minor * 100 + patch;
    }
}
