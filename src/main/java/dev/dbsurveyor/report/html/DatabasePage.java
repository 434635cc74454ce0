package dev.dbsurveyor.report.html;

import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.report.ErDiagram;

import java.util.List;

/**
 * One database's page. A database that was not collected has only its status and its reason;
 * a collected one has its facts, its object failures (shown first), its diagrams, its tables and
 * its other objects. {@code views} holds views; {@code routines} functions and procedures;
 * {@code others} triggers, custom types and events.
 */
public record DatabasePage(String name, String status, String statusDetail, boolean collected, List<Fact> facts,
                           List<ObjectFailure> failures, List<String> warnings, List<ErDiagram> diagrams, List<TableView> tables,
                           List<CodeView> views, List<CodeView> routines, List<CodeView> others) {

    /** Whether the page draws a diagram, now or when a table's neighbourhood is opened. */
    public boolean hasDiagrams() {
        return !diagrams.isEmpty() || tables.stream().anyMatch(table -> table.diagram() != null);
    }

    /** Whether the page shows any definition to highlight. */
    public boolean hasCode() {
        return !views.isEmpty() || !routines.isEmpty() || !others.isEmpty();
    }
}
