package dev.dbsurveyor.fleet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.server.ServerTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an inventory: a file named {@code *.yaml} or {@code *.yml} is YAML with {@code defaults}
 * and {@code servers} (each with a {@code url}, a {@code label} and options); any other file lists
 * one server URL per line, {@code #} starting a comment. A server without a label is labelled by
 * its host and port ({@code db.example.com-5432}), a SQLite location by its last path part ({@code sqlite-apps}). A URL that holds a password is refused: an
 * inventory is shared and versioned, passwords are not.
 */
public final class InventoryFile {

    private static final Set<String> SETTINGS = Set.of("include", "exclude", "include_system", "max_connections", "max_concurrency",
            "connect_timeout", "statement_timeout", "sample", "password_file");
    private static final Set<String> SERVER_KEYS = union(SETTINGS, Set.of("url", "label"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private InventoryFile() {
    }

    /** The inventory at {@code file}; its URLs are parsed with {@code environment} to check them and to name unlabelled servers. */
    public static Inventory read(Path file, Environment environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigurationException("no such inventory: " + file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the inventory " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path base = file.toAbsolutePath().getParent();
        return name.endsWith(".yaml") || name.endsWith(".yml") ? yaml(text, file.toString(), base, environment)
                : lines(text, file.toString(), environment);
    }

    /** An inventory of one URL per line. */
    public static Inventory lines(String text, String name, Environment environment) {
        List<InventoryEntry> servers = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = uncommented(lines[i]);
            if (!line.isEmpty()) {
                String source = name + " line " + (i + 1);
                if (line.chars().anyMatch(Character::isWhitespace)) {
                    throw new ConfigurationException(source + ": one URL per line, without spaces (labels and options need a YAML inventory)");
                }
                servers.add(entry(Optional.empty(), line, source, ServerOptions.none(), environment));
            }
        }
        return new Inventory(servers);
    }

    /** A YAML inventory; a relative {@code password_file} is read from {@code base}. */
    public static Inventory yaml(String text, String name, Path base, Environment environment) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigurationException(name + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException(name + ": expected a mapping with 'servers' (and optionally 'defaults')");
        }
        checkKeys(root, Set.of("defaults", "servers"), name);
        ServerOptions defaults = root.has("defaults") ? options(root.get("defaults"), SETTINGS, name + ": defaults", base)
                : ServerOptions.none();
        if (defaults.passwordFile().isPresent()) {
            throw new ConfigurationException(name + ": defaults: password_file belongs to one server, never to all of them");
        }
        JsonNode list = root.get("servers");
        if (list == null || !list.isArray()) {
            throw new ConfigurationException(name + ": 'servers' must be a list");
        }
        List<InventoryEntry> servers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode server = list.get(i);
            String source = name + " server " + (i + 1);
            if (server.isTextual()) {
                servers.add(entry(Optional.empty(), server.asText(), source, defaults, environment));
                continue;
            }
            if (!server.isObject() || !server.has("url") || !server.get("url").isTextual()) {
                throw new ConfigurationException(source + ": a server is a URL, or a mapping with a 'url'");
            }
            Optional<String> label = Optional.ofNullable(server.get("label")).map(node -> text(node, source + ": label"));
            ServerOptions own = options(server, SERVER_KEYS, source, base);
            servers.add(entry(label, server.get("url").asText(), source, own.over(defaults), environment));
        }
        return new Inventory(servers);
    }

    private static InventoryEntry entry(Optional<String> label, String url, String source, ServerOptions options, Environment environment) {
        ServerTarget target;
        try {
            target = ServerTarget.parse(url, environment);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(source + ": " + e.getMessage());
        }
        if (target.hasPasswordInUrl()) {
            throw new ConfigurationException(source + ": the URL holds a password, and an inventory never does: give it in "
                    + "DBSURVEYOR_PASSWORD_<LABEL>, a password_file, ~/.pgpass or MYSQL_PWD");
        }
        String name = label.orElseGet(() -> target.sqlite()
                .map(location -> "sqlite-" + Optional.ofNullable(location.path().getFileName()).map(Object::toString).orElse("root"))
                .orElseGet(() -> target.host() + "-" + target.port()));
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException(source + ": a label is 1 to 200 characters without control characters");
        }
        return new InventoryEntry(name, url.strip(), source, options);
    }

    private static ServerOptions options(JsonNode node, Set<String> allowed, String source, Path base) {
        if (!node.isObject()) {
            throw new ConfigurationException(source + ": expected a mapping of settings");
        }
        checkKeys(node, allowed, source);
        return new ServerOptions(globs(node, "include", source), globs(node, "exclude", source),
                Optional.ofNullable(node.get("include_system")).map(value -> bool(value, source + ": include_system")),
                number(node, "max_connections", source), number(node, "max_concurrency", source),
                number(node, "connect_timeout", source), number(node, "statement_timeout", source), number(node, "sample", source),
                Optional.ofNullable(node.get("password_file")).map(value -> base.resolve(text(value, source + ": password_file"))));
    }

    private static Optional<List<String>> globs(JsonNode node, String key, String source) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(List.of(value.asText()));
        }
        if (!value.isArray()) {
            throw new ConfigurationException(source + ": " + key + " is a glob or a list of globs");
        }
        List<String> globs = new ArrayList<>();
        value.forEach(glob -> globs.add(text(glob, source + ": " + key)));
        return Optional.of(globs);
    }

    private static Optional<Integer> number(JsonNode node, String key, String source) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ConfigurationException(source + ": " + key + " must be a whole number");
        }
        return Optional.of(value.intValue());
    }

    private static boolean bool(JsonNode value, String source) {
        if (!value.isBoolean()) {
            throw new ConfigurationException(source + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String text(JsonNode value, String source) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ConfigurationException(source + " must be text");
        }
        return value.asText();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String source) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            String key = fields.next().getKey();
            if (!allowed.contains(key)) {
                throw new ConfigurationException(source + ": unknown setting '" + key + "' (known: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
