package dev.dbsurveyor.cli;

import dev.dbsurveyor.fleet.FleetListener;
import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.model.FleetServerStatus;
import dev.dbsurveyor.sweep.SweepEvent;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a fleet run on stderr: each server's end and each failure always, every database at
 * {@code -v}; on a terminal a live line of the whole fleet (servers done, databases done of those
 * found, failures, rate). Events come on driver threads: they are only formatted here, and
 * printed by a {@link BackgroundPrinter}.
 */
final class FleetProgress implements FleetListener {

    private final StatusLines lines;
    private final boolean live;
    private final boolean verbose;
    private final boolean quiet;
    private final int servers;
    private final long started = System.nanoTime();
    private final AtomicInteger serversDone = new AtomicInteger();
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    FleetProgress(PrintWriter err, int servers, boolean live, boolean verbose, boolean quiet) {
        this.lines = new StatusLines(err, live, quiet);
        this.servers = servers;
        this.live = live;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    @Override
    public void on(String server, SweepEvent event) {
        if (quiet) {
            return;
        }
        if (event instanceof SweepEvent.Enumerated enumerated) {
            found.addAndGet(enumerated.total());
            if (verbose) {
                line(server + ": found " + enumerated.total() + " databases");
            }
        } else if (event instanceof SweepEvent.Failed failure) {
            failed.incrementAndGet();
            done.incrementAndGet();
            line("failed " + server + "/" + failure.database() + ": " + failure.failure().errorMessage());
        } else if (event instanceof SweepEvent.Retrying retrying) {
            if (verbose) {
                line("retrying " + server + (retrying.database().isEmpty() ? "" : "/" + retrying.database()) + " in "
                        + retrying.delay().toMillis() + " ms: " + retrying.error());
            }
        } else if (event instanceof SweepEvent.Warned warned) {
            line("warning: " + server + "/" + warned.database() + ": " + warned.warning());
        } else if (event instanceof SweepEvent.Finished finished) {
            done.incrementAndGet();
            if (verbose && !live) {
                line("collected " + server + "/" + finished.database() + " in " + finished.duration().toMillis() + " ms");
            }
        } else if (event instanceof SweepEvent.Skipped || event instanceof SweepEvent.Filtered) {
            done.incrementAndGet();
        }
        status();
    }

    @Override
    public void ended(FleetServerEntry entry) {
        serversDone.incrementAndGet();
        if (quiet) {
            return;
        }
        if (entry.status() == FleetServerStatus.FAILED && entry.error() != null) {
            line("server " + entry.label() + " failed: " + entry.error().message());
        } else if (entry.databases() != null) {
            line(String.format(Locale.ROOT, "server %s: %s, collected %d, failed %d, skipped %d, in %d ms", entry.label(),
                    entry.status().name().toLowerCase(Locale.ROOT), entry.databases().collected(), entry.databases().failed(),
                    entry.databases().skipped(), entry.collectionDurationMs()));
        }
        status();
    }

    private void status() {
        if (!live) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        lines.frame(String.format(Locale.ROOT, "\r[servers %d/%d] [databases %d/%d] %d failed · %.1f db/s · %s elapsed   ",
                serversDone.get(), servers, done.get(), found.get(), failed.get(), done.get() / seconds, StatusLines.clock(elapsed)));
    }

    private void line(String text) {
        lines.line(text);
    }

    /** Prints what is still waiting, ending the live line. */
    void end() {
        lines.end();
    }
}
