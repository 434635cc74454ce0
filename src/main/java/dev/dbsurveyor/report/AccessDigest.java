package dev.dbsurveyor.report;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a report keeps of one database's access map while it streams the collection: who is
 * granted SELECT on each table and view, nothing more, so that a report of thousands of
 * databases holds little until the server's memberships resolve it.
 */
public record AccessDigest(String database, String page, List<Readable> tables) {

    /** A table or view and the grantees of SELECT on it. */
    public record Readable(String schema, String name, boolean view, List<String> grantees) {
    }

    public AccessDigest {
        tables = List.copyOf(tables);
    }

    /** The digest of {@code document}, whose page is {@code page}; empty when the document has no access map. */
    public static Optional<AccessDigest> of(DatabaseSchema document, String page) {
        if (document.access() == null) {
            return Optional.empty();
        }
        Map<List<String>, List<String>> grantees = new LinkedHashMap<>();
        Map<List<String>, Boolean> views = new LinkedHashMap<>();
        for (Grant grant : document.access().privileges()) {
            boolean table = grant.objectType() == GrantObject.TABLE || grant.objectType() == GrantObject.FOREIGN_TABLE;
            boolean view = grant.objectType() == GrantObject.VIEW || grant.objectType() == GrantObject.MATERIALIZED_VIEW;
            if ((table || view) && grant.privilege().equals("SELECT")) {
                List<String> key = java.util.Arrays.asList(grant.schema(), grant.objectName());
                grantees.computeIfAbsent(key, k -> new ArrayList<>()).add(grant.grantee());
                views.put(key, view);
            }
        }
        List<Readable> tables = new ArrayList<>();
        grantees.forEach((key, names) -> tables.add(new Readable(key.get(0), key.get(1), views.get(key), List.copyOf(names))));
        return Optional.of(new AccessDigest(document.databaseInfo().name(), page, tables));
    }
}
