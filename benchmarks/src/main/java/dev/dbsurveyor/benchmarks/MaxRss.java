package dev.dbsurveyor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The most memory a command held resident: {@code /usr/bin/time -v}'s maximum resident set size
 * when it is installed, otherwise the process's {@code VmHWM} read from {@code /proc} until it ends.
 */
final class MaxRss {

    private static final Path TIME = Path.of("/usr/bin/time");

    /** One run: its exit code, wall time, the peak resident set in KiB, and how that was read. */
    record Run(int exit, double seconds, long kib, String source) {
    }

    private MaxRss() {
    }

    static Run measure(List<String> command, Path scratch) throws IOException, InterruptedException {
        return Files.isExecutable(TIME) ? timed(command, scratch) : polled(command);
    }

    static Run timed(List<String> command, Path scratch) throws IOException, InterruptedException {
        Path report = scratch.resolve("time-v.txt");
        List<String> arguments = new ArrayList<>(List.of(TIME.toString(), "-v", "-o", report.toString()));
        arguments.addAll(command);
        long start = System.nanoTime();
        int exit = new ProcessBuilder(arguments).inheritIO().start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        long kib = Files.readAllLines(report).stream().map(String::strip).filter(line -> line.startsWith("Maximum resident set size"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
        return new Run(exit, seconds, kib, "`/usr/bin/time -v`");
    }

    static Run polled(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long kib = 0;
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        kib = Math.max(kib, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException e) {
                break;
            }
            LockSupport.parkNanos(20_000_000);
        }
        int exit = process.waitFor();
        return new Run(exit, (System.nanoTime() - start) / 1e9, kib, "`VmHWM` in `/proc/<pid>/status`, read every 20 ms");
    }
}
