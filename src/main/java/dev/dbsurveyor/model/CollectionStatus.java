package dev.dbsurveyor.model;

/**
 * Outcome of collecting one database: {@code "Success"}, {@code {"Failed":{"error":…}}} or
 * {@code {"Skipped":{"reason":…}}}.
 */
@TaggedUnion
public sealed interface CollectionStatus {

    CollectionStatus SUCCESS = new Success();

    /** Everything that could be read was read. */
    record Success() implements CollectionStatus {
    }

    /** Collection ended with an error. */
    record Failed(String error) implements CollectionStatus {
        public Failed {
            Require.present(error, "error");
        }
    }

    /** The database was not collected on purpose (for example: the role may not connect). */
    record Skipped(String reason) implements CollectionStatus {
        public Skipped {
            Require.present(reason, "reason");
        }
    }
}
