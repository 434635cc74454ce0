package dev.dbsurveyor.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * libpq's password file ({@code ~/.pgpass} or {@code PGPASSFILE}): lines of
 * {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and
 * {@code \\} escaping, {@code #} starting a comment, the first matching line winning. As libpq
 * does, a file that group or others may read is ignored, with a warning.
 */
final class PgPassFile {

    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final List<List<String>> entries;

    private PgPassFile(List<List<String>> entries) {
        this.entries = entries;
    }

    /**
     * Reads the file; empty when it does not exist or cannot be read, and, with a warning as
     * libpq gives, when it is not a plain file or group or others may use it.
     */
    static Optional<PgPassFile> read(Path file, Consumer<String> warnings) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                warnings.accept("password file " + file + " is not a plain file: it is ignored");
                return Optional.empty();
            }
            if (isTooOpen(file)) {
                warnings.accept("password file " + file + " has group or world access; permissions should be u=rw (0600) or less: it is ignored");
                return Optional.empty();
            }
            List<List<String>> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() == 5) {
                    entries.add(fields);
                }
            }
            return Optional.of(new PgPassFile(List.copyOf(entries)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    Optional<Secret> passwordFor(String host, int port, String database, String user) {
        for (List<String> entry : entries) {
            if (matches(entry.get(0), host) && matches(entry.get(1), Integer.toString(port))
                    && matches(entry.get(2), database) && matches(entry.get(3), user)) {
                return Optional.of(Secret.of(entry.get(4)));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static boolean isTooOpen(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(TOO_OPEN::contains);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
