package dev.dbsurveyor.cli;

import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import reactor.core.publisher.Flux;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Under BlockHound, a sweep through the command line whose stderr takes nothing still completes: printing waits, the sweep does not. */
class StuckTerminalIT {

    @TempDir
    Path directory;

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void aSweepCompletesWhileItsTerminalIsStuck(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("stuck_") + "_";
        IntStream.range(0, 6).forEach(i -> server.execute(server.createDatabase(prefix + i), "CREATE TABLE t (id int PRIMARY KEY)"));
        Path output = directory.resolve("out");
        StuckTerminal terminal = new StuckTerminal();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(terminal, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("collect", server.endpoint().url(),
                "--include", prefix + "*", "--output-dir", output.toString(), "-v", "--max-concurrency", "3"));
        Path manifest = output.resolve(DirectoryWriter.MANIFEST);
        Flux.interval(Duration.ofMillis(20)).filter(tick -> Files.exists(manifest) || exit.isDone()).blockFirst(Duration.ofSeconds(60));

        assertThat(manifest).as("the manifest, written while nothing could be printed").exists();
        assertThat(terminal.text()).isEmpty();
        terminal.open();
        assertThat(exit.get(60, TimeUnit.SECONDS)).as(terminal.text()).isZero();
        ContractSchemas.assertValidFile(manifest);
        assertThat(terminal.text()).contains("found ").contains("collected " + prefix + "0 in ").contains("collected 6, failed 0")
                .contains("wrote " + output);
    }
}
