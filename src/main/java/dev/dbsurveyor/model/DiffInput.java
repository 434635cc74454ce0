package dev.dbsurveyor.model;

/** One side of a change document: the path it was read from, and what it is. */
public record DiffInput(String path, CollectionForm form) {

    public DiffInput {
        Require.text(path, "path");
        Require.present(form, "form");
    }
}
