package dev.dbsurveyor.fleet;

import dev.dbsurveyor.output.DatabaseFileNames;

import java.util.Locale;

/**
 * One server of an inventory: its label (unique in the inventory; it names the server's
 * subdirectory and its password variable), its URL (never with a password), where the inventory
 * lists it (for messages), and its own options.
 */
public record InventoryEntry(String label, String url, String source, ServerOptions options) {

    /** The prefix of a server's own password variable, {@code DBSURVEYOR_PASSWORD_<LABEL>}. */
    public static final String PASSWORD_VARIABLE_PREFIX = "DBSURVEYOR_PASSWORD_";

    /** The subdirectory of a fleet directory that holds this server's files, named from its label as database files are. */
    public String directory() {
        return DatabaseFileNames.stem(label);
    }

    /** The environment variable that holds this server's own password: the label in capitals, each run of other characters as {@code _}. */
    public String passwordVariable() {
        return PASSWORD_VARIABLE_PREFIX + label.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }
}
