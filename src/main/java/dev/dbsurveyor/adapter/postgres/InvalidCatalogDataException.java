package dev.dbsurveyor.adapter.postgres;

/** A catalog stage answered rows the collector cannot read; the stage is recorded as failed with invalid data. */
final class InvalidCatalogDataException extends RuntimeException {

    InvalidCatalogDataException(CatalogStage stage, RuntimeException cause) {
        super("The " + stage.name().toLowerCase(java.util.Locale.ROOT) + " stage answered rows that do not read: " + cause.getMessage(), cause);
    }
}
