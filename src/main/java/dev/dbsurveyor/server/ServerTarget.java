package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server to survey, parsed from a URL such as
 * {@code postgresql://alice:s3cret@db.example.com:5432/sales?sslmode=require} or
 * {@code mariadb://root@127.0.0.1:3306}. User, password and database are percent-decoded. The
 * password is found in the URL, else in {@code DBSURVEYOR_PASSWORD}, else {@code PGPASSWORD} or
 * {@code MYSQL_PWD}, else (PostgreSQL) the user's {@code ~/.pgpass} (read when the URL is parsed); it is held as a {@link Secret} and {@link #toString()} shows the URL with it
 * masked. Reserved characters in the user name and password must be percent-encoded. TLS
 * ({@code sslmode}, {@code sslrootcert}, {@code sslcert}, {@code sslkey}) is resolved and its
 * files read when the URL is parsed too, as libpq would ({@link TlsSettings}). A {@code sqlite:///path}
 * URL ({@code sqlite:relative/path} for a path from the working directory) names a SQLite file, one
 * database named by its file name, or a directory of them ({@link SqliteLocation}), with the
 * options {@code recursive} and {@code immutable}; it has no user, password, host or port.
 */
public final class ServerTarget {

    private static final Pattern URL = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:(?<userinfo>[^/?#]*)@)?(?<hostport>[^/?#@]*)(?:/(?<database>[^?#]*))?(?:\\?(?<query>[^#]*))?");
    private static final Pattern HOST_PORT = Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]*)(?::(?<port>[^:]*))?");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Set<String> POSTGRES_OPTIONS = Set.of(
            "sslmode", "connect_timeout", "application_name", "sslrootcert", "sslcert", "sslkey", "password", "user", "dbname");
    private static final Set<String> MYSQL_OPTIONS = Set.of(
            "sslmode", "connect_timeout", "sslrootcert", "sslcert", "sslkey", "password", "user", "dbname");
    private static final Set<String> SQLITE_OPTIONS = Set.of("recursive", "immutable");
    private static final String SQLITE_FORMS = "write sqlite:///absolute/path or sqlite:relative/path";

    private final EngineFamily engine;
    private final String scheme;
    private final String user;
    private final Secret urlPassword;
    private final String host;
    private final int port;
    private final String database;
    private final Map<String, String> options;
    private final Environment environment;
    /** Read when the URL is parsed, so that looking a password up later never touches the file system. */
    private final Optional<PgPassFile> passwordFile;
    /** Read when the URL is parsed, for the same reason. */
    private final TlsSettings tls;
    private final List<String> warnings;
    /** The file or directory of a {@code sqlite://} URL, null for a network server. */
    private final SqliteLocation sqlite;

    private ServerTarget(EngineFamily engine, String scheme, String user, Secret urlPassword, String host, int port,
                         String database, Map<String, String> options, Environment environment, Optional<PgPassFile> passwordFile,
                         TlsSettings tls, List<String> warnings) {
        this(engine, scheme, user, urlPassword, host, port, database, options, environment, passwordFile, tls, warnings, null);
    }

    private ServerTarget(EngineFamily engine, String scheme, String user, Secret urlPassword, String host, int port,
                         String database, Map<String, String> options, Environment environment, Optional<PgPassFile> passwordFile,
                         TlsSettings tls, List<String> warnings, SqliteLocation sqlite) {
        this.engine = engine;
        this.scheme = scheme;
        this.user = user;
        this.urlPassword = urlPassword;
        this.host = host;
        this.port = port;
        this.database = database;
        this.options = Collections.unmodifiableMap(options);
        this.environment = environment;
        this.passwordFile = passwordFile;
        this.tls = tls;
        this.warnings = List.copyOf(warnings);
        this.sqlite = sqlite;
    }

    /** Parses a URL with the process environment as the source of defaults and passwords. */
    public static ServerTarget parse(String url) {
        return parse(url, Environment.system());
    }

    /**
     * Parses a URL.
     *
     * @throws ConfigurationException with a message that never contains the password
     */
    public static ServerTarget parse(String url, Environment environment) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("A server URL is required, such as postgresql://user@host:5432/database or mysql://user@host:3306/database");
        }
        String trimmed = url.trim();
        if (trimmed.regionMatches(true, 0, "sqlite:", 0, "sqlite:".length())) {
            return parseSqlite(trimmed.substring("sqlite:".length()), environment);
        }
        int authorityStart = trimmed.indexOf("://");
        if (authorityStart >= 0) {
            String rest = trimmed.substring(authorityStart + 3);
            int authorityEnd = indexOfAny(rest, "/?#");
            if (authorityEnd >= 0 && rest.indexOf('@', authorityEnd) >= 0) {
                throw new ConfigurationException("The URL has an '@' after its host part: percent-encode / ? # @ in the user name and "
                        + "password (a / is %2F, a ? is %3F, a # is %23, an @ is %40)");
            }
        }
        Matcher matcher = URL.matcher(trimmed);
        if (!matcher.matches()) {
            throw new ConfigurationException("Not a server URL: expected scheme://[user[:password]@]host[:port][/database][?options]");
        }
        String scheme = matcher.group("scheme").toLowerCase(Locale.ROOT);
        EngineFamily engine = switch (scheme) {
            case "postgres", "postgresql" -> EngineFamily.POSTGRESQL;
            case "mysql", "mariadb" -> EngineFamily.MYSQL;
            default -> throw new ConfigurationException("Unsupported URL scheme '" + scheme
                    + "': use postgresql://, postgres://, mysql://, mariadb:// or sqlite://");
        };
        Map<String, String> options = parseQuery(matcher.group("query"), engine);

        String user = null;
        Secret password = null;
        String userinfo = matcher.group("userinfo");
        if (userinfo != null) {
            int colon = userinfo.indexOf(':');
            user = PercentCoding.decode(colon < 0 ? userinfo : userinfo.substring(0, colon), "user name");
            if (colon >= 0) {
                password = Secret.of(PercentCoding.decode(userinfo.substring(colon + 1), "password"));
            }
        }
        if (options.containsKey("user")) {
            user = options.remove("user");
        }
        if (options.containsKey("password")) {
            password = Secret.of(options.remove("password"));
        }
        if (user == null || user.isEmpty()) {
            user = (engine == EngineFamily.POSTGRESQL ? environment.get("PGUSER") : Optional.<String>empty())
                    .orElse(System.getProperty("user.name"));
        }

        Matcher hostPort = HOST_PORT.matcher(matcher.group("hostport"));
        if (!hostPort.matches()) {
            throw new ConfigurationException("The host in the URL is malformed (write IPv6 addresses in brackets, one host only)");
        }
        String host = hostPort.group("host");
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        int port = parsePort(hostPort.group("port"), engine);

        String database = matcher.group("database") == null ? null : PercentCoding.decode(matcher.group("database"), "database name");
        if (options.containsKey("dbname")) {
            database = options.remove("dbname");
        }
        if (database != null && database.isEmpty()) {
            database = null;
        }
        List<String> warnings = new ArrayList<>();
        Optional<PgPassFile> passwordFile = engine != EngineFamily.POSTGRESQL || password != null
                || environment.get("DBSURVEYOR_PASSWORD").isPresent() || environment.get("PGPASSWORD").isPresent()
                ? Optional.empty()
                : PgPassFile.read(environment.get("PGPASSFILE").map(java.nio.file.Path::of).orElse(environment.home().resolve(".pgpass")),
                        warnings::add);
        TlsSettings tls = TlsSettings.of(engine, host, options, environment);
        return new ServerTarget(engine, scheme, user, password, host, port, database, options, environment, passwordFile, tls, warnings);
    }

    /**
     * A {@code sqlite:} URL after its scheme: {@code ///absolute/path} or {@code relative/path}, then
     * options. A path that names a directory, or ends in {@code /}, is a directory of files; any
     * other is one file, which need not exist yet to be named (reading it then fails, and never
     * creates it).
     */
    private static ServerTarget parseSqlite(String rest, Environment environment) {
        int query = rest.indexOf('?');
        String pathPart = query < 0 ? rest : rest.substring(0, query);
        if (pathPart.indexOf('#') >= 0) {
            throw new ConfigurationException("The SQLite path has a '#': percent-encode it as %23");
        }
        String encodedPath;
        if (pathPart.startsWith("//")) {
            if (!pathPart.startsWith("///")) {
                throw new ConfigurationException("A sqlite:// URL names a path, not a host: " + SQLITE_FORMS);
            }
            encodedPath = pathPart.substring(2);
        } else if (pathPart.startsWith("/")) {
            throw new ConfigurationException("Not a SQLite URL: " + SQLITE_FORMS);
        } else {
            encodedPath = pathPart;
        }
        String decoded = PercentCoding.decode(encodedPath, "SQLite path");
        if (decoded.isEmpty() || decoded.indexOf('\0') >= 0) {
            throw new ConfigurationException("The SQLite URL names no path: " + SQLITE_FORMS);
        }
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(decoded).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigurationException("The SQLite path is not a valid path: " + SQLITE_FORMS);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = PercentCoding.decode(equals < 0 ? pair : pair.substring(0, equals), "option name");
                if (!SQLITE_OPTIONS.contains(name)) {
                    throw new ConfigurationException("Unknown URL option '" + name + "' for SQLite: supported are immutable, recursive");
                }
                String value = equals < 0 ? "true" : PercentCoding.decode(pair.substring(equals + 1), "value of option " + name);
                options.put(name, switch (value.toLowerCase(Locale.ROOT)) {
                    case "", "1", "true", "yes", "on" -> "true";
                    case "0", "false", "no", "off" -> "false";
                    default -> throw new ConfigurationException("URL option " + name + " is true or false, not '" + value + "'");
                });
            }
        }
        boolean directory = decoded.endsWith("/") || java.nio.file.Files.isDirectory(path);
        boolean recursive = Boolean.parseBoolean(options.get("recursive"));
        if (recursive && !directory) {
            throw new ConfigurationException("URL option recursive is for a directory of SQLite files, and " + path + " is not one");
        }
        SqliteLocation location = new SqliteLocation(path, directory, recursive, Boolean.parseBoolean(options.get("immutable")));
        String database = directory ? null : path.getFileName().toString();
        return new ServerTarget(EngineFamily.SQLITE, "sqlite", System.getProperty("user.name"), null, "localhost", 0, database, options,
                environment, Optional.empty(), TlsSettings.disabled("localhost"), List.of(), location);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> parseQuery(String query, EngineFamily engine) {
        Set<String> supported = engine == EngineFamily.POSTGRESQL ? POSTGRES_OPTIONS : MYSQL_OPTIONS;
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentCoding.decode(equals < 0 ? pair : pair.substring(0, equals), "option name");
            if (!supported.contains(name)) {
                throw new ConfigurationException("Unknown URL option '" + name + "': supported are " + String.join(", ", supported.stream().sorted().toList()));
            }
            String value = equals < 0 ? "" : PercentCoding.decode(pair.substring(equals + 1), "value of option " + name);
            options.put(name, value);
        }
        validateOptions(options);
        return options;
    }

    private static void validateOptions(Map<String, String> options) {
        String sslMode = options.get("sslmode");
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new ConfigurationException("URL option sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, not '" + sslMode + "'");
        }
        String connectTimeout = options.get("connect_timeout");
        if (connectTimeout != null && (!connectTimeout.matches("\\d{1,5}") || Integer.parseInt(connectTimeout) < 1 || Integer.parseInt(connectTimeout) > 86_400)) {
            throw new ConfigurationException("URL option connect_timeout must be a whole number of seconds from 1 to 86400, not '" + connectTimeout + "'");
        }
    }

    private static int parsePort(String port, EngineFamily engine) {
        if (port == null || port.isEmpty()) {
            return engine.defaultPort();
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw new ConfigurationException("The port in the URL must be a number from 1 to 65535");
        }
        return Integer.parseInt(port);
    }

    public EngineFamily engine() {
        return engine;
    }

    /** The file or directory a {@code sqlite://} URL names; empty for a network server. */
    public Optional<SqliteLocation> sqlite() {
        return Optional.ofNullable(sqlite);
    }

    /**
     * This SQLite target read recursively, or as immutable, when asked for (as by command-line
     * flags); a flag asked of any other target is refused.
     *
     * @throws ConfigurationException when the target is not SQLite, or recursion is asked of a file
     */
    public ServerTarget withSqliteFlags(boolean recursive, boolean immutable) {
        if (!recursive && !immutable) {
            return this;
        }
        if (sqlite == null) {
            throw new ConfigurationException((recursive ? "--recursive" : "--immutable") + " is for sqlite:// URLs");
        }
        if (recursive && !sqlite.directory()) {
            throw new ConfigurationException("--recursive is for a directory of SQLite files, and " + sqlite.path() + " is not one");
        }
        Map<String, String> flagged = new LinkedHashMap<>(options);
        if (recursive) {
            flagged.put("recursive", "true");
        }
        if (immutable) {
            flagged.put("immutable", "true");
        }
        return new ServerTarget(engine, scheme, user, urlPassword, host, port, database, flagged, environment, passwordFile, tls, warnings,
                sqlite.with(recursive || sqlite.recursive(), immutable || sqlite.immutable()));
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The database the URL names, if it names one. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The database connections use when no other is asked for: the URL's, else the engine's default. */
    public String defaultDatabase() {
        return database != null ? database : engine.defaultDatabase();
    }

    /** A URL option (other than user, password and dbname, which are parsed into their own fields). */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** {@code config} with the URL's {@code connect_timeout}, when it has one, in place of its own. */
    public ConnectionConfig applyTo(ConnectionConfig config) {
        return option("connect_timeout")
                .map(seconds -> config.toBuilder().connectTimeout(java.time.Duration.ofSeconds(Long.parseLong(seconds))).build())
                .orElse(config);
    }

    /**
     * The address to connect to: the host looked up now, a blocking call for callers on a thread
     * that may block (drivers would otherwise look it up on their event loop). Under
     * {@code sslmode=verify-full} too: the certificate is checked against {@link #host()}, as the
     * URL names it, not against the address. A name that does not resolve is kept, and fails when
     * connecting.
     */
    public String resolvedAddress() {
        try {
            return java.net.InetAddress.getByName(host).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return host;
        }
    }

    /**
     * The password for connecting to {@code database}: the URL's, else {@code DBSURVEYOR_PASSWORD},
     * else {@code PGPASSWORD} (PostgreSQL) or {@code MYSQL_PWD} (MySQL, MariaDB), else for
     * PostgreSQL the first matching line of {@code PGPASSFILE} or {@code ~/.pgpass}.
     */
    public Optional<Secret> passwordFor(String database) {
        if (sqlite != null) {
            return Optional.empty();
        }
        if (urlPassword != null) {
            return Optional.of(urlPassword);
        }
        String engineVariable = engine == EngineFamily.POSTGRESQL ? "PGPASSWORD" : "MYSQL_PWD";
        Optional<Secret> fromEnvironment = environment.get("DBSURVEYOR_PASSWORD").or(() -> environment.get(engineVariable)).map(Secret::of);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment;
        }
        return passwordFile.flatMap(file -> file.passwordFor(host, port, database, user));
    }

    /** Whether the URL itself holds a password (in its user part or a {@code password} option). */
    public boolean hasPasswordInUrl() {
        return urlPassword != null;
    }

    /** This target with the password given another way (a prompt), every other setting kept. */
    public ServerTarget withPassword(Secret password) {
        return new ServerTarget(engine, scheme, user, password, host, port, database, options, environment, Optional.empty(), tls, warnings,
                sqlite);
    }

    /** This target with another database, every other setting kept. */
    public ServerTarget withDatabase(String otherDatabase) {
        return new ServerTarget(engine, scheme, user, urlPassword, host, port, otherDatabase, options, environment, passwordFile, tls,
                warnings, sqlite);
    }

    /** How connections to this server use TLS: {@code sslmode} and its files, read when the URL was parsed. */
    public TlsSettings tls() {
        return tls;
    }

    /**
     * What parsing noticed and worked around, for the user to hear about: a password file that
     * others may read, ignored as libpq ignores it. Never holds a secret.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The URL with the password masked: safe to print and log. */
    public String redacted() {
        if (sqlite != null) {
            StringBuilder url = new StringBuilder("sqlite://");
            for (java.nio.file.Path segment : sqlite.path()) {
                url.append('/').append(PercentCoding.encode(segment.toString()));
            }
            if (sqlite.directory()) {
                url.append('/');
            }
            String separator = "?";
            for (Map.Entry<String, String> option : options.entrySet()) {
                url.append(separator).append(option.getKey()).append('=').append(option.getValue());
                separator = "&";
            }
            return url.toString();
        }
        StringBuilder url = new StringBuilder(scheme).append("://").append(PercentCoding.encode(user));
        if (urlPassword != null) {
            url.append(':').append(Secret.MASK);
        }
        url.append('@').append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (database != null) {
            url.append('/').append(PercentCoding.encode(database));
        }
        String separator = "?";
        for (Map.Entry<String, String> option : options.entrySet()) {
            url.append(separator).append(option.getKey()).append('=').append(PercentCoding.encode(option.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    @Override
    public String toString() {
        return redacted();
    }
}
