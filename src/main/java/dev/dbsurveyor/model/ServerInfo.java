package dev.dbsurveyor.model;

/**
 * The server a sweep read. {@code host} is a bare host name or address, never a URL, so no
 * credential can travel in it. {@code version} is the server's short version string;
 * {@code versionNumber} (such as 150020 or 110402) and {@code versionDetails} (the full banner)
 * are additions and may be null; so is {@code access} (an addition), the server's roles and
 * privileges, null when they were not collected.
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
        String versionDetails,
        ServerAccess access) {

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

    /** A server described without its access map. */
    public ServerInfo(ServerType serverType, String version, String host, Integer port, int totalDatabases, String connectionUser,
                      boolean hasSuperuserPrivileges, Integer versionNumber, String versionDetails) {
        this(serverType, version, host, port, totalDatabases, connectionUser, hasSuperuserPrivileges, versionNumber, versionDetails, null);
    }

    /** This server with {@code map} as its access map. */
    public ServerInfo withAccess(ServerAccess map) {
        return new ServerInfo(serverType, version, host, port, totalDatabases, connectionUser, hasSuperuserPrivileges, versionNumber,
                versionDetails, map);
    }
}
