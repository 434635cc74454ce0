package dev.dbsurveyor.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The guard is live: the same blocking call fails on a non-blocking thread and passes where blocking is allowed. */
class NonBlockingGuardTest {

    @BeforeAll
    static void installGuard() {
        NonBlockingGuard.install();
    }

    private static Mono<Void> parkBriefly() {
        return Mono.fromRunnable(() -> LockSupport.parkNanos(Duration.ofMillis(1).toNanos()));
    }

    @Test
    void blockingOnAParallelSchedulerThreadFails() {
        StepVerifier.create(parkBriefly().subscribeOn(Schedulers.parallel()))
                .verifyErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error).isInstanceOf(BlockingOperationError.class));
    }

    @Test
    void aHostNameLookupOnAParallelSchedulerThreadFails() {
        String unique = "dbsurveyor-" + System.nanoTime() + ".invalid";
        StepVerifier.create(Mono.fromCallable(() -> java.net.InetAddress.getByName(unique)).subscribeOn(Schedulers.parallel()))
                .verifyErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error).isInstanceOf(BlockingOperationError.class));
    }

    /** A record to read with a new mapper, whose cache is empty, so that its deserializer is built in the test. */
    record FreshType(String name) {
    }

    @Test
    void buildingAJacksonDeserializerOnAParallelSchedulerThreadFailsAndAReaderMadeBeforehandPasses() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        StepVerifier.create(Mono.fromCallable(() -> mapper.readValue("{\"name\":\"a\"}", FreshType.class)).subscribeOn(Schedulers.parallel()))
                .verifyErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error).isInstanceOf(BlockingOperationError.class));
        com.fasterxml.jackson.databind.ObjectReader reader = new com.fasterxml.jackson.databind.ObjectMapper().readerFor(FreshType.class);
        StepVerifier.create(Mono.fromCallable(() -> reader.<FreshType>readValue("{\"name\":\"a\"}")).subscribeOn(Schedulers.parallel()))
                .expectNext(new FreshType("a"))
                .verifyComplete();
    }

    @Test
    void anIpLiteralNeedsNoLookupAndPassesEverywhere() {
        StepVerifier.create(Mono.fromCallable(() -> java.net.InetAddress.getByName("127.0.0.1")).subscribeOn(Schedulers.parallel()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void blockingOnABoundedElasticThreadIsAllowed() {
        StepVerifier.create(parkBriefly().subscribeOn(Schedulers.boundedElastic())).verifyComplete();
    }
}
