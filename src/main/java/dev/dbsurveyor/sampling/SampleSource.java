package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Flux;

import java.util.Optional;

/**
 * An engine's way of reading sample rows on one open connection, in a read-only transaction,
 * with every identifier quoted for the engine. Rows are JSON objects keyed by column name whose
 * values follow {@link SampleValues}.
 */
public interface SampleSource {

    /** The rows of one query, all of them: a read is never cut short, so no statement is left streaming. */
    Flux<ObjectNode> read(SampleQuery query);

    /** What a reader should know about how a random query picks its rows on this engine, if anything. */
    Optional<String> randomCaveat(SampleQuery query);
}
