package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.output.DatabaseFileNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The progress of a report being written, seen from outside {@code Reports.write}: a daemon thread
 * watches the report's staging directory (beside the output) and counts a database done when its
 * page ({@code <stem>.html} or {@code <stem>.md}, wherever the format puts it) exists. Pages are
 * written in the collection's order, so one file check per poll suffices.
 */
final class PagesWritten implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread watcher;

    PagesWritten(Path output, List<String> names, Runnable pageDone) {
        Path absolute = output.toAbsolutePath().normalize();
        watcher = new Thread(() -> {
            Path staging = null;
            Path pages = null;
            String suffix = null;
            int next = 0;
            while (running.get() && next < names.size()) {
                if (staging == null) {
                    staging = staging(absolute).orElse(null);
                } else if (pages == null) {
                    Optional<Path> first = page(staging, DatabaseFileNames.stem(names.get(0)));
                    if (first.isPresent()) {
                        pages = first.get().getParent();
                        suffix = first.get().getFileName().toString().substring(DatabaseFileNames.stem(names.get(0)).length());
                    }
                }
                while (pages != null && next < names.size() && Files.exists(pages.resolve(DatabaseFileNames.stem(names.get(next)) + suffix))) {
                    pageDone.run();
                    next++;
                }
                LockSupport.parkNanos(1_000_000);
            }
        }, "pages-written");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Optional<Path> staging(Path output) {
        String prefix = "." + output.getFileName() + ".report-";
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            return siblings.filter(path -> path.getFileName().toString().startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> page(Path staging, String stem) {
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(path -> path.getFileName().toString().equals(stem + ".html") || path.getFileName().toString().equals(stem + ".md"))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}
