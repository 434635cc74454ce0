package dev.dbsurveyor.testing;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Standard tools that check our output independently (Debian's {@code zstd}, {@code gpg},
 * {@code python3} with its {@code argon2} and {@code cryptography} packages), run as processes.
 * A tool that is missing skips the test on a developer's machine and fails it in CI, where
 * {@code .ci/run} installs them.
 */
public final class ExternalTools {

    /** What a tool did: its exit code, its output and its errors. */
    public record Result(int exitCode, byte[] out, String err) {

        public String outText() {
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private ExternalTools() {
    }

    /** Skips (or, in CI, fails) unless {@code probe} runs and exits 0. */
    public static void require(String why, String... probe) {
        String problem;
        try {
            Result result = run(List.of(probe), Map.of(), null);
            problem = result.exitCode() == 0 ? null : String.join(" ", probe) + " exited " + result.exitCode() + ": " + result.err().strip();
        } catch (UncheckedIOException e) {
            problem = String.join(" ", probe) + " cannot run: " + e.getCause().getMessage();
        }
        if (problem != null) {
            String message = why + " needs it: " + problem;
            if (TestServerExtension.inCi()) {
                throw new AssertionError(message);
            }
            throw new TestAbortedException(message);
        }
    }

    /** Runs {@code command} with {@code environment} added and {@code input} (or nothing) on its standard input, within two minutes. */
    public static Result run(List<String> command, Map<String, String> environment, Path input) {
        try {
            Path out = Files.createTempFile("tool-out", ".bin");
            Path err = Files.createTempFile("tool-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().keySet().removeIf(name -> name.startsWith("DBSURVEYOR_"));
                builder.environment().putAll(environment);
                if (input != null) {
                    builder.redirectInput(input.toFile());
                } else {
                    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                }
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not end within 2 minutes");
                }
                return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
