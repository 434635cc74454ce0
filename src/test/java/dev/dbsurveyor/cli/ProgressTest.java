package dev.dbsurveyor.cli;

import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.sweep.SweepProgress;
import dev.dbsurveyor.testing.NonBlockingGuard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress never makes the sweep's threads wait for the terminal, and still prints what it must, in order. */
class ProgressTest {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static SweepEvent failed(int done, int total) {
        String database = "db" + done;
        return new SweepEvent.Failed(database, new DatabaseFailure(database, "refused", ErrorCategory.OTHER, true, 0),
                new SweepProgress(done, total, 0, done, 0, 0, 1, 1, 1, 10));
    }

    @Test
    void eventsOnANonBlockingThreadNeverWaitForAStuckTerminal() {
        int total = BackgroundPrinter.MAX_PENDING_LINES * 2;
        StuckTerminal terminal = new StuckTerminal();
        Progress progress = new Progress(new PrintWriter(terminal), true, true, false);

        StepVerifier.create(Flux.range(1, total).map(done -> failed(done, total)).doOnNext(progress::on)
                        .subscribeOn(Schedulers.parallel()).then())
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(terminal.text()).isEmpty();

        terminal.open();
        progress.end();

        String text = terminal.text();
        assertThat(text).contains("failed db1: refused").contains("line(s) not shown: the terminal could not keep up");
        assertThat(text.lines().filter(line -> line.contains("failed db")).count()).isLessThanOrEqualTo(BackgroundPrinter.MAX_PENDING_LINES + 1);
        assertThat(text).contains("[" + total + "/" + total + "]").endsWith(System.lineSeparator());
    }

    @Test
    void linesArePrintedInTheOrderTheyCameAndFramesOnlyOnATerminal() {
        StringWriter plain = new StringWriter();
        Progress progress = new Progress(new PrintWriter(plain), false, false, false);

        progress.on(new SweepEvent.Enumerated(List.of("db1", "db2", "db3"), java.util.Set.of("db1", "db2", "db3")));
        for (int done = 1; done <= 3; done++) {
            progress.on(failed(done, 3));
        }
        progress.end();

        assertThat(plain.toString().lines().toList()).containsExactly("found 3 databases", "failed db1: refused", "failed db2: refused",
                "failed db3: refused");
    }

    @Test
    void quietPrintsNothing() {
        StringWriter quiet = new StringWriter();
        Progress progress = new Progress(new PrintWriter(quiet), true, true, true);

        progress.on(failed(1, 1));
        progress.end();

        assertThat(quiet.toString()).isEmpty();
    }
}
