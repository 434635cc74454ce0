package dev.dbsurveyor.model;

/**
 * A MySQL or MariaDB account ({@code user@host}), or a MariaDB role ({@code isRole}); an addition
 * to v1.0. Never a password or its hash: {@code plugin} names how the account authenticates.
 */
public record Account(String user, String host, boolean isRole, boolean locked, boolean passwordExpired, String plugin) {

    public Account {
        Require.present(user, "user");
        Require.present(host, "host");
    }

    /** The account as grants name it: {@code user@host}, or a role's bare name. */
    public String name() {
        return isRole || host.isEmpty() ? user : user + "@" + host;
    }
}
