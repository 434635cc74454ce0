package dev.dbsurveyor.cli;

import java.io.Writer;
import java.util.concurrent.CountDownLatch;

/** A terminal that takes nothing until it is opened: every write waits, as on a stalled pipe or a paused tty. */
final class StuckTerminal extends Writer {

    private final CountDownLatch open = new CountDownLatch(1);
    private final StringBuffer written = new StringBuffer();

    void open() {
        open.countDown();
    }

    String text() {
        return written.toString();
    }

    @Override
    public void write(char[] characters, int offset, int length) {
        try {
            open.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        written.append(characters, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
