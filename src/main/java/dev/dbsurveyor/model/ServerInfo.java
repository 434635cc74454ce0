package dev.dbsurveyor.model;

/**
 * The server a sweep read. {@code host} is a bare host name or address, never a URL, so no
 * credential can travel in it. {@code version} is the server's short version string;
 * {@code versionNumber} (such as 150020 or 110402) and {@code versionDetails} (the full banner)
 * are additions and may be null.
 */
public record ServerInfo(
        ServerType serverType,
        String version,
        String host,
        Integer port,
        int totalDatabases,
        String connectionUser,
        boolean hasSuperuserPrivileges,
        Integer versionNumber,
        String versionDetails) {

    public ServerInfo {
        Require.present(serverType, "server_type");
        Require.present(version, "version");
        Require.text(host, "host");
        if (host.contains("/") || host.contains("@") || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host must be a host name or address, not a URL");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
        Require.nonNegative(totalDatabases, "total_databases");
        Require.present(connectionUser, "connection_user");
    }
}
