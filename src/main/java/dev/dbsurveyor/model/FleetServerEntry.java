package dev.dbsurveyor.model;

/**
 * One server of a fleet manifest: its label, where its single-server directory is (relative to
 * the fleet directory, {@code null} when nothing of it was written) and that directory's
 * manifest file, how its sweep ended, and its databases' counts ({@code null} when unknown).
 *
 * @param port  the server's port; {@code null} for a SQLite location, which has none
 * @param error why the server could not be swept; {@code null} unless its status is failed and it was never reached
 */
public record FleetServerEntry(
        String label,
        String engine,
        String host,
        Integer port,
        FleetServerStatus status,
        String directory,
        String manifest,
        ServerError error,
        ServerCounts databases,
        long collectionDurationMs) {

    public FleetServerEntry {
        Require.text(label, "label");
        Require.text(engine, "engine");
        Require.text(host, "host");
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
        Require.present(status, "status");
        Require.nonNegative(collectionDurationMs, "collection_duration_ms");
        if (directory != null && (directory.isEmpty() || directory.contains("/") || directory.contains("\\") || directory.equals(".")
                || directory.equals(".."))) {
            throw new IllegalArgumentException("directory must be a plain name inside the fleet directory: " + directory);
        }
    }

    /** Why a server could not be swept, classified as a database's failure is. */
    public record ServerError(String message, ErrorCategory category, boolean isConnectionError, int retryAttempts) {
    }

    /** What became of a server's databases. */
    public record ServerCounts(int collected, int failed, int skipped, int filtered) {

        /** The status these counts make: failed when databases failed and none was collected, partial when some failed. */
        public FleetServerStatus status() {
            if (failed > 0) {
                return collected > 0 ? FleetServerStatus.PARTIAL : FleetServerStatus.FAILED;
            }
            return FleetServerStatus.SUCCESS;
        }
    }
}
