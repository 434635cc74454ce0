package dev.dbsurveyor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Where progress goes on stderr: plain lines, and on a terminal a live status frame that each line
 * starts over; printed by a {@link BackgroundPrinter}, so that callers on driver threads only format.
 */
final class StatusLines {

    private final BackgroundPrinter printer;
    private final boolean live;
    private final boolean quiet;

    StatusLines(PrintWriter err, boolean live, boolean quiet) {
        this.printer = new BackgroundPrinter(err);
        this.live = live;
        this.quiet = quiet;
    }

    boolean live() {
        return live;
    }

    void line(String text) {
        printer.line((live ? "\r" : "") + text);
    }

    /** Shows {@code text} as the live frame; nothing when the output is not live. */
    void frame(String text) {
        if (live) {
            printer.frame(text);
        }
    }

    /** Prints what is still waiting, ending the live line so that what comes next starts on a line of its own. */
    void end() {
        if (live && !quiet) {
            printer.line("");
        }
        printer.close();
    }

    /** A duration as minutes and seconds, {@code 3:07}. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
