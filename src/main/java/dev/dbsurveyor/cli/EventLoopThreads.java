package dev.dbsurveyor.cli;

import reactor.netty.tcp.TcpResources;

import java.time.Duration;

/**
 * The drivers' shared Netty event loops, stopped before the process exits. HotSpot's exit waits
 * up to 300 ms for threads that are in native code, and an idle event loop is: it sits in
 * {@code epoll_wait}. Stopping the loops first makes a command end as soon as its work does.
 */
final class EventLoopThreads {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(1);

    private EventLoopThreads() {
    }

    /** Stops the loops if a driver made them; a loop that does not stop in time is left to the exit. */
    static void stop() {
        TcpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, STOP_LIMIT)
                .onErrorComplete()
                .block(STOP_LIMIT.multipliedBy(2));
    }
}
