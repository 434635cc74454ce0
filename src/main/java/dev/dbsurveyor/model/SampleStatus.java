package dev.dbsurveyor.model;

/** Whether a table's sample is complete; an addition to v1.0. */
@TaggedUnion
public sealed interface SampleStatus {

    record Complete() implements SampleStatus {
    }

    /** The first attempt failed; a retry with a smaller limit succeeded. */
    record PartialRetry(int originalLimit) implements SampleStatus {
        public PartialRetry {
            Require.nonNegative(originalLimit, "original_limit");
        }
    }

    record Skipped(String reason) implements SampleStatus {
        public Skipped {
            Require.present(reason, "reason");
        }
    }
}
