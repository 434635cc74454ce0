package dev.dbsurveyor.model;

import java.util.List;

/** A finished sweep in the shape it is written in: one bundle, or a manifest and one document per database. */
public sealed interface MultiDatabaseOutput {

    /** Everything in one {@link MultiDatabaseResult}. */
    record Bundle(MultiDatabaseResult result) implements MultiDatabaseOutput {
        public Bundle {
            Require.present(result, "result");
        }
    }

    /**
     * A manifest and its documents: the collected ones, and a stub document (status Failed or
     * Skipped) for every database that was not.
     */
    record PerDatabase(MultiDatabaseManifest manifest, List<DatabaseSchema> schemas) implements MultiDatabaseOutput {
        public PerDatabase {
            Require.present(manifest, "manifest");
            schemas = Require.list(schemas);
            if (schemas.size() != manifest.databases().size()) {
                throw new IllegalArgumentException("the manifest lists " + manifest.databases().size()
                        + " databases but " + schemas.size() + " documents were given");
            }
        }
    }
}
