package dev.dbsurveyor.report.html;

import java.util.List;

/** A table's sample rows: the columns they hold, each row's cells, and how the sample was taken. */
public record SampleView(List<String> columns, List<List<Cell>> rows, String description, List<String> warnings) {

    /** One value: its text, and whether it was redacted or SQL NULL. */
    public record Cell(String text, boolean redacted, boolean isNull) {
    }
}
