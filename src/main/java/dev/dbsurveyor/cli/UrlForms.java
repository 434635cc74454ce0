package dev.dbsurveyor.cli;

/**
 * The server URL's forms, worded once for the help of every command that takes one. Each form fits
 * the description column of picocli's 80-column help, so that no URL is broken across lines.
 */
final class UrlForms {

    static final String HELP = "postgresql://user[:password]@host[:port][/database]%n"
            + "  PostgreSQL (default port 5432)%n"
            + "mysql://user[:password]@host[:port][/database]%n"
            + "mariadb://user[:password]@host[:port][/database]%n"
            + "  MySQL or MariaDB (default port 3306)%n"
            + "sqlite:///path/file.db, sqlite:///path/dir/%n"
            + "  a SQLite file, or every SQLite file of a directory%n"
            + "URL options follow a ?, as in ?sslmode=require";

    private UrlForms() {
    }
}
