package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.model.DatabaseCollectionResult;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.sweep.DatabaseOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's bundle while it streams: each collected database's document is appended as it
 * arrives and then dropped, so memory does not grow with the number of databases. The file is a
 * temporary one in the target's directory until {@link #finish} forces it to disk and renames it;
 * {@link #abort} deletes it, leaving whatever was at the target before. Blocking: use it from a
 * thread that may block.
 */
public final class BundleWriter implements OutcomeWriter, AutoCloseable {

    private final StreamedJsonFile file;
    private final JsonGenerator json;
    private final List<DatabaseFailure> failures = new ArrayList<>();
    private final List<SkippedDatabase> skipped = new ArrayList<>();
    private final List<SkippedDatabase> filtered = new ArrayList<>();
    private final Keeping keeping = new Keeping();
    private boolean finished;

    private BundleWriter(StreamedJsonFile file) {
        this.file = file;
        this.json = file.json();
    }

    /** Starts the bundle of a sweep of {@code server} at {@code target}. */
    public static BundleWriter open(Path target, ServerInfo server) throws IOException {
        return open(target, server, OutputProtection.NONE);
    }

    /** Starts the bundle of a sweep of {@code server} at {@code target}, written through {@code protection} as it streams. */
    public static BundleWriter open(Path target, ServerInfo server, OutputProtection protection) throws IOException {
        StreamedJsonFile file = StreamedJsonFile.open(target, protection);
        try {
            JsonGenerator json = file.json();
            json.writeStartObject();
            json.writeStringField("format_version", DatabaseSchema.FORMAT_VERSION);
            json.writeFieldName("server_info");
            ContractMapper.mapper().writeValue(json, server);
            json.writeArrayFieldStart("databases");
            return new BundleWriter(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Adds one outcome: a collected document is written at once; the others are kept for the end. */
    @Override
    public synchronized boolean add(DatabaseOutcome outcome) throws IOException {
        if (finished) {
            return false;
        }
        try {
            outcome.accept(keeping);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return true;
    }

    /** Writes a collected document at once and keeps the other outcomes for the end; called under the writer's lock. */
    private final class Keeping implements DatabaseOutcome.Visitor<Void> {
        @Override
        public Void collected(DatabaseOutcome.Collected collected) {
            try {
                ContractMapper.mapper().writeValue(json, new DatabaseCollectionResult(collected.database(), collected.schema(),
                        collected.duration().toMillis()));
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }

        @Override
        public Void failed(DatabaseOutcome.Failed failed) {
            failures.add(failed.failure());
            return null;
        }

        @Override
        public Void skipped(DatabaseOutcome.Skipped skip) {
            skipped.add(new SkippedDatabase(skip.database(), skip.reason()));
            return null;
        }

        @Override
        public Void filtered(DatabaseOutcome.Filtered filter) {
            filtered.add(new SkippedDatabase(filter.database(), filter.reason()));
            return null;
        }
    }

    /** Ends the bundle with the failures and the sweep's metadata, forces it to disk and renames it into place. */
    @Override
    public synchronized void finish(MultiDatabaseMetadata metadata) throws IOException {
        finished = true;
        ObjectMapper mapper = ContractMapper.mapper();
        json.writeEndArray();
        json.writeFieldName("failures");
        mapper.writeValue(json, failures);
        json.writeFieldName("collection_metadata");
        mapper.writeValue(json, metadata);
        json.writeFieldName("skipped");
        mapper.writeValue(json, skipped);
        json.writeFieldName("filtered");
        mapper.writeValue(json, filtered);
        json.writeEndObject();
        file.commit();
    }

    /** Deletes the unfinished bundle; the target is left as it was. */
    public synchronized void abort() {
        finished = true;
        close();
    }

    @Override
    public synchronized void close() {
        file.close();
    }
}
