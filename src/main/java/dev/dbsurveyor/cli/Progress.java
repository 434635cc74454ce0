package dev.dbsurveyor.cli;

import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.sweep.SweepProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a sweep on stderr: on a terminal a live line (done of total, failures, rate, elapsed, time
 * left), otherwise plain lines: failures always, each finished database at {@code -v}. Events come
 * on the sweep's threads, driver event loops included: they are only formatted here, and printed
 * by a {@link BackgroundPrinter}.
 */
final class Progress implements SweepListener {

    private final StatusLines lines;
    private final boolean live;
    private final boolean verbose;
    private final boolean quiet;
    private final long started = System.nanoTime();

    Progress(PrintWriter err, boolean live, boolean verbose, boolean quiet) {
        this.lines = new StatusLines(err, live, quiet);
        this.live = live;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    @Override
    public void on(SweepEvent event) {
        if (quiet) {
            return;
        }
        if (event instanceof SweepEvent.Enumerated enumerated) {
            line("found " + enumerated.total() + " databases");
        } else if (event instanceof SweepEvent.Failed failed) {
            line("failed " + failed.database() + ": " + failed.failure().errorMessage());
            status(failed.progress());
        } else if (event instanceof SweepEvent.Retrying retrying) {
            if (verbose) {
                line("retrying " + (retrying.database().isEmpty() ? "the server" : retrying.database()) + " in "
                        + retrying.delay().toMillis() + " ms: " + retrying.error());
            }
        } else if (event instanceof SweepEvent.Warned warned) {
            line("warning: " + warned.database() + ": " + warned.warning());
        } else if (event instanceof SweepEvent.Finished finished) {
            if (verbose && !live) {
                line("collected " + finished.database() + " in " + finished.duration().toMillis() + " ms");
            }
            status(finished.progress());
        } else if (event instanceof SweepEvent.Skipped skipped) {
            if (verbose) {
                line("skipped " + skipped.database() + ": " + skipped.reason());
            }
            status(skipped.progress());
        } else if (event instanceof SweepEvent.Filtered filtered) {
            status(filtered.progress());
        }
    }

    private void status(SweepProgress progress) {
        if (!live) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int attempted = progress.collected() + progress.failed();
        int left = progress.total() - progress.done();
        String eta = progress.databasesPerSecond() > 0 && attempted > 0 ? StatusLines.clock(Duration.ofMillis((long) (left / progress.databasesPerSecond() * 1000))) : "?";
        lines.frame(String.format(Locale.ROOT, "\r[%d/%d] %d failed · %.1f db/s · %s elapsed · %s left   ", progress.done(),
                progress.total(), progress.failed(), progress.databasesPerSecond(), StatusLines.clock(elapsed), eta));
    }

    private void line(String text) {
        lines.line(text);
    }

    /** Prints what is still waiting, ending the live line so that what comes next starts on a line of its own. */
    void end() {
        lines.end();
    }
}
