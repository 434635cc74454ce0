package dev.dbsurveyor.output;

import dev.dbsurveyor.sweep.SweepTally;

/**
 * The exit codes of the {@code dbsurveyor} command, decided here so that they can be tested
 * without a terminal.
 *
 * <ul>
 *   <li>0: at least one selected database produced a usable document;</li>
 *   <li>1: none did; with {@code --strict}, also as soon as any selected database failed or any
 *       document lists an object failure of type Table (view, routine and trigger failures stay warnings);</li>
 *   <li>2: usage and configuration errors (bad flag, URL, glob, unwritable output);</li>
 *   <li>130: interrupted.</li>
 * </ul>
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int NOTHING_USABLE = 1;
    public static final int USAGE = 2;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(SweepTally tally, boolean strict) {
        if (strict && (tally.failed() > 0 || tally.withTableFailures() > 0)) {
            return NOTHING_USABLE;
        }
        return tally.collected() > 0 ? OK : NOTHING_USABLE;
    }
}
