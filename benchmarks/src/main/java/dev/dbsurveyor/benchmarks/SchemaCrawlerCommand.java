package dev.dbsurveyor.benchmarks;

import schemacrawler.schema.Catalog;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SchemaCrawler as a command of its own, so that the {@code cli} benchmark times it with its JVM's
 * start as it times dbsurveyor: crawls one database the way {@link SchemaCrawlerContender} does
 * (its API, default options and info level, one JDBC connection) and writes the catalog, Java
 * serialized, to a file. {@code java -cp <benchmarks classpath> dev.dbsurveyor.benchmarks.SchemaCrawlerCommand
 * <jdbc-url> <user> <file>}; a password comes from {@code PGPASSWORD}.
 */
public final class SchemaCrawlerCommand {

    private SchemaCrawlerCommand() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.OFF);
        Logger.getLogger("schemacrawler").setLevel(Level.OFF);
        Logger.getLogger("us.fatehi").setLevel(Level.OFF);
        if (args.length != 3) {
            System.err.println("usage: SchemaCrawlerCommand <jdbc-url> <user> <file>");
            System.exit(2);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", args[1]);
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(args[0], credentials)) {
            Catalog catalog = SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(connection),
                    SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions());
            write(catalog, Path.of(args[2]));
        }
    }

    /** Serializing follows the chain of foreign keys table by table, deeper than a default stack: a thread with a large one. */
    private static void write(Catalog catalog, Path path) throws Exception {
        Exception[] failure = new Exception[1];
        Thread writer = new Thread(null, () -> {
            try (OutputStream file = Files.newOutputStream(path); ObjectOutputStream out = new ObjectOutputStream(file)) {
                out.writeObject(catalog);
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "serialize", 2L << 30);
        writer.start();
        writer.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
