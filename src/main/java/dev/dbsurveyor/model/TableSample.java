package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * Sample rows of one table, each a JSON object keyed by column name. {@code sampleStatus} is an
 * addition to v1.0 and is left out of the JSON when absent. {@code numbersAsText} (an addition,
 * left out when empty) lists, as JSON pointers from this sample ({@code /rows/0/amount}), the
 * numbers written as strings of their digits because a reader's double cannot hold them exactly.
 */
public record TableSample(
        String tableName,
        String schemaName,
        List<ObjectNode> rows,
        int sampleSize,
        Long totalRows,
        SamplingStrategy samplingStrategy,
        Instant collectedAt,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) SampleStatus sampleStatus,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> numbersAsText) {

    public TableSample {
        Require.text(tableName, "table_name");
        rows = Require.list(rows);
        Require.nonNegative(sampleSize, "sample_size");
        Require.nonNegative(totalRows, "total_rows");
        Require.present(samplingStrategy, "sampling_strategy");
        Require.present(collectedAt, "collected_at");
        warnings = Require.list(warnings);
        numbersAsText = Require.list(numbersAsText);
    }

    /** A sample whose numbers all stand as numbers. */
    public TableSample(String tableName, String schemaName, List<ObjectNode> rows, int sampleSize, Long totalRows,
                       SamplingStrategy samplingStrategy, Instant collectedAt, List<String> warnings, SampleStatus sampleStatus) {
        this(tableName, schemaName, rows, sampleSize, totalRows, samplingStrategy, collectedAt, warnings, sampleStatus, List.of());
    }
}
