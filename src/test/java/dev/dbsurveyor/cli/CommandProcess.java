package dev.dbsurveyor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a process of its own, from the jar the build packaged, so that a test can
 * run it as a user does, or interrupt it as a user or the system would: {@link #interrupt()} sends
 * SIGTERM (the JVM runs its shutdown hooks, as on Ctrl-C), {@link #kill()} SIGKILL (nothing runs).
 * The machine's password and libpq variables ({@code PG*}, {@code DBSURVEYOR_*}, {@code MYSQL_PWD})
 * never reach it: each test gives what its run needs.
 */
final class CommandProcess {

    private static final Duration BOUND = Duration.ofSeconds(120);

    private final Process process;
    private final Path out;
    private final Path err;

    private CommandProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static CommandProcess start(String... args) {
        return start(List.of(), args);
    }

    /** The command with {@code environment} added, such as a passphrase that must never be an argument. */
    static CommandProcess start(Map<String, String> environment, String... args) {
        return start(List.of(), environment, args);
    }

    /** The command with {@code jvmOptions} (such as {@code -Duser.home=…}) before {@code -jar}. */
    static CommandProcess start(List<String> jvmOptions, String... args) {
        return start(jvmOptions, Map.of(), args);
    }

    private static CommandProcess start(List<String> jvmOptions, Map<String, String> environment, String... args) {
        Path jar = Path.of("target", "dbsurveyor.jar");
        assertThat(jar).as("the packaged command (the build makes it before the integration tests)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return start(command, environment);
    }

    /** The project's launcher script, {@code ./dbsurveyor}, as a user runs it, with {@code environment} added. */
    static CommandRun runLauncher(Map<String, String> environment, String... args) {
        assertThat(Path.of("target", "dbsurveyor.jar")).as("the packaged command (the build makes it before the integration tests)").exists();
        List<String> command = new ArrayList<>(List.of("bash", Path.of("dbsurveyor").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            return start(command, environment).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static CommandProcess start(List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("dbsurveyor-out", ".txt");
            Path err = Files.createTempFile("dbsurveyor-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("DBSURVEYOR_") || name.equals("MYSQL_PWD"));
            builder.environment().putAll(environment);
            return new CommandProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command with {@code environment} added to its end; its output is read whole once it exits. */
    static CommandRun run(Map<String, String> environment, String... args) {
        try {
            return start(environment, args).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs the command to its end; its output is read whole once it exits. */
    static CommandRun run(List<String> jvmOptions, String... args) {
        try {
            return start(jvmOptions, args).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits for the process to end. */
    CommandRun interrupt() throws InterruptedException {
        process.destroy();
        return await();
    }

    /** SIGKILL, then waits for the process to end. */
    CommandRun kill() throws InterruptedException {
        process.destroyForcibly();
        return await();
    }

    /** Waits for the process to end on its own. */
    CommandRun await() throws InterruptedException {
        if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + BOUND);
        }
        try {
            CommandRun run = new CommandRun(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
