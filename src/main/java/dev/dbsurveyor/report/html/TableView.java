package dev.dbsurveyor.report.html;

import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.report.ErDiagram;

import java.util.List;

/**
 * One table's section of a database page. {@code anchor} is its element id, made from its
 * position (never its name); {@code diagram} is its neighbourhood diagram, null when the table is
 * drawn in a diagram of its database or schema; {@code sample} is null without sample rows.
 */
public record TableView(String anchor, Table table, String qualified, String kind, Link partitionOf, List<Link> partitions,
                        List<ColumnView> columns, List<ForeignKeyView> foreignKeys, List<Index> indexes, List<Constraint> constraints,
                        ErDiagram diagram, SampleView sample) {
}
