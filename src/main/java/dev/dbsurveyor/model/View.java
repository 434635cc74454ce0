package dev.dbsurveyor.model;

import java.util.List;

/** A view or, with {@code isMaterialized} (an addition to v1.0), a materialized view. */
public record View(
        String name,
        String schema,
        String definition,
        List<Column> columns,
        String comment,
        boolean isMaterialized) {

    public View {
        Require.text(name, "name");
        columns = Require.list(columns);
    }
}
