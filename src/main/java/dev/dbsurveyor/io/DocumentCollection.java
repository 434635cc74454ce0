package dev.dbsurveyor.io;

import dev.dbsurveyor.model.CollectionForm;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ServerInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One database's document read from a file: a collection of that one database. */
public record DocumentCollection(Path path, DatabaseSchema document) implements StoredCollection {

    @Override
    public CollectionForm form() {
        return CollectionForm.DOCUMENT;
    }

    @Override
    public Optional<ServerInfo> serverInfo() {
        return Optional.empty();
    }

    @Override
    public List<String> names() {
        return List.of(document.databaseInfo().name());
    }

    @Override
    public StoredDatabase read(String name) {
        if (!name.equals(document.databaseInfo().name())) {
            throw new IllegalArgumentException(path + " holds no database " + name);
        }
        return StoredDatabase.of(name, document);
    }
}
