package dev.dbsurveyor.adapter;

import java.util.Locale;

/** A catalog stage answered rows the collector cannot read; the stage is recorded as failed with invalid data. */
public final class InvalidCatalogDataException extends RuntimeException {

    public InvalidCatalogDataException(CatalogStage stage, RuntimeException cause) {
        super("The " + stage.name().toLowerCase(Locale.ROOT) + " stage answered rows that do not read: " + cause.getMessage(), cause);
    }
}
