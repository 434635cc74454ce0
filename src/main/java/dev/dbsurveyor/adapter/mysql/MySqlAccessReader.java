package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.Transactions;
import dev.dbsurveyor.model.Account;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.RoleMembership;
import dev.dbsurveyor.model.ServerAccess;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MySQL or MariaDB server's access map once per sweep, in one read-only transaction:
 * accounts and roles and role grants from the {@code mysql} schema, global, database, table and
 * column privileges from {@code information_schema}, routine privileges from
 * {@code mysql.procs_priv}. Each part the collecting user may not read becomes a failure of stage
 * {@code CollectPrivileges} in the map, and the other parts are kept.
 */
final class MySqlAccessReader {

    private static final String ACCOUNTS_MARIADB = SqlResources.load(MySqlAccessReader.class, "access_accounts_mariadb.sql");
    private static final String ACCOUNTS_MYSQL = SqlResources.load(MySqlAccessReader.class, "access_accounts_mysql.sql");
    private static final String ROLES_MARIADB = SqlResources.load(MySqlAccessReader.class, "access_roles_mariadb.sql");
    private static final String ROLES_MYSQL = SqlResources.load(MySqlAccessReader.class, "access_roles_mysql.sql");
    private static final String PRIVILEGES = SqlResources.load(MySqlAccessReader.class, "access_privileges.sql");
    private static final String ROUTINES = SqlResources.load(MySqlAccessReader.class, "access_routine_privileges.sql");
    /** {@code 'user'@'host'}, as information_schema writes a grantee. */
    private static final Pattern GRANTEE = Pattern.compile("^'(.*)'@'(.*)'$", Pattern.DOTALL);

    private final Connection connection;
    private final MySqlFlavour flavour;
    private final long statementMillis;
    private final List<ObjectFailure> failures = new ArrayList<>();

    private MySqlAccessReader(Connection connection, MySqlFlavour flavour, long statementMillis) {
        this.connection = connection;
        this.flavour = flavour;
        this.statementMillis = statementMillis;
    }

    /** Loads the queries now, on the calling thread: adapters call it when they are made, off any event loop. */
    static void prepare() {
        // Calling a static method is what initialises a class; the queries are its static fields.
    }

    static Mono<ServerAccess> read(Connection connection, MySqlFlavour flavour, long statementMillis) {
        return new MySqlAccessReader(connection, flavour, statementMillis).read();
    }

    private Mono<ServerAccess> read() {
        // One statement after another: a connection answers one at a time.
        return execute("START TRANSACTION READ ONLY")
                .then(part("accounts", flavour.isMariaDb() ? ACCOUNTS_MARIADB : ACCOUNTS_MYSQL, this::account))
                .flatMap(accounts -> part("role grants", flavour.isMariaDb() ? ROLES_MARIADB : ROLES_MYSQL, this::membership)
                        .flatMap(memberships -> part("privileges", PRIVILEGES, MySqlAccessReader::grant)
                                .flatMap(grants -> part("routine privileges", ROUTINES, MySqlAccessReader::routineGrants)
                                        .map(routines -> {
                                            List<Grant> all = new ArrayList<>();
                                            grants.forEach(all::addAll);
                                            routines.forEach(all::addAll);
                                            return new ServerAccess(List.of(), memberships, all, List.of(), accounts, List.copyOf(failures));
                                        }))))
                .flatMap(access -> execute("COMMIT").thenReturn(access))
                .onErrorResume(error -> Transactions.rollback(connection).then(Mono.error(error)));
    }

    private Mono<Void> execute(String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(result -> result.getRowsUpdated()).then();
    }

    /** One part's rows; a part the user may not read (or that fails otherwise, not for the connection) is a failure and no rows. */
    private <T> Mono<List<T>> part(String name, String select, Function<Readable, T> reader) {
        return Flux.from(connection.createStatement("/* dbsurveyor */ " + flavour.limited(select, statementMillis)).execute())
                .concatMap(result -> result.map(reader))
                .collectList()
                .onErrorResume(error -> {
                    ErrorClassification classification = ErrorClassifier.classify(error);
                    if (classification.connectionError()) {
                        return Mono.error(error);
                    }
                    failures.add(new ObjectFailure(ObjectType.PRIVILEGE, name, null, CollectionStage.COLLECT_PRIVILEGES,
                            classification.category(), String.valueOf(error.getMessage()), 0, null));
                    return Mono.just(List.of());
                });
    }

    private Account account(Readable row) {
        return new Account(MySqlCatalogRows.text(row, "user_name"), MySqlCatalogRows.text(row, "host"), yes(row, "is_role"), yes(row, "locked"),
                yes(row, "password_expired"), MySqlCatalogRows.text(row, "plugin"));
    }

    private RoleMembership membership(Readable row) {
        String role = MySqlCatalogRows.text(row, "role_name");
        String roleHost = flavour.isMariaDb() ? "" : MySqlCatalogRows.text(row, "role_host");
        return new RoleMembership(accountName(role, roleHost), accountName(MySqlCatalogRows.text(row, "user_name"),
                MySqlCatalogRows.text(row, "host")), null, yes(row, "admin_option"), null, null);
    }

    /** A privilege row as a grant; none for USAGE, which grants nothing. */
    private static List<Grant> grant(Readable row) {
        String privilege = MySqlCatalogRows.text(row, "privilege");
        if ("USAGE".equals(privilege)) {
            return List.of();
        }
        GrantObject type = switch (MySqlCatalogRows.text(row, "object_type")) {
            case "Global" -> GrantObject.GLOBAL;
            case "Database" -> GrantObject.DATABASE;
            case "Column" -> GrantObject.COLUMN;
            default -> GrantObject.TABLE;
        };
        String schema = MySqlCatalogRows.text(row, "schema_name");
        String table = MySqlCatalogRows.text(row, "table_name");
        String grantee = grantee(MySqlCatalogRows.text(row, "grantee"));
        String objectName = type == GrantObject.DATABASE ? schema : table;
        return List.of(new Grant(type, type == GrantObject.DATABASE ? null : schema, objectName, MySqlCatalogRows.text(row, "column_name"),
                grantee, null, privilege, yes(row, "grantable"), null));
    }

    /** The privileges of one row of {@code mysql.procs_priv}, one grant each; {@code Grant} in the set makes them grantable. */
    private static List<Grant> routineGrants(Readable row) {
        // A SET column: the driver answers it as an array of its members, or as their comma-separated text.
        Object value = row.get("privileges");
        List<String> privileges = value instanceof String[] members ? List.of(members)
                : value == null || MySqlCatalogRows.text(row, "privileges").isEmpty() ? List.of()
                : List.of(MySqlCatalogRows.text(row, "privileges").split(","));
        String set = String.join(",", privileges);
        boolean grantable = privileges.contains("Grant");
        GrantObject type = "PROCEDURE".equalsIgnoreCase(MySqlCatalogRows.text(row, "routine_type")) ? GrantObject.PROCEDURE : GrantObject.FUNCTION;
        String grantee = accountName(MySqlCatalogRows.text(row, "user_name"), MySqlCatalogRows.text(row, "host"));
        List<Grant> grants = new ArrayList<>();
        for (String privilege : privileges) {
            if (!privilege.equals("Grant")) {
                grants.add(new Grant(type, MySqlCatalogRows.text(row, "schema_name"), MySqlCatalogRows.text(row, "routine_name"), null, grantee,
                        MySqlCatalogRows.text(row, "grantor"), privilege.toUpperCase(Locale.ROOT), grantable, set));
            }
        }
        return grants;
    }

    /** {@code 'user'@'host'} as {@code user@host}; a MariaDB role's {@code 'role'} (or an empty host) as its bare name. */
    static String grantee(String written) {
        Matcher matcher = GRANTEE.matcher(written);
        if (matcher.matches()) {
            return accountName(matcher.group(1), matcher.group(2));
        }
        return written.length() >= 2 && written.startsWith("'") && written.endsWith("'") ? written.substring(1, written.length() - 1) : written;
    }

    static String accountName(String user, String host) {
        return host == null || host.isEmpty() ? user : user + "@" + host;
    }

    private static boolean yes(Readable row, String column) {
        String value = MySqlCatalogRows.text(row, column);
        return value != null && (value.equalsIgnoreCase("Y") || value.equalsIgnoreCase("YES") || value.equals("1"));
    }
}
