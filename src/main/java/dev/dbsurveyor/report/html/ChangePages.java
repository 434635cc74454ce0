package dev.dbsurveyor.report.html;

import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.report.ChangeLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the pages of a change document. */
public final class ChangePages {

    private ChangePages() {
    }

    public static ChangePage database(DatabaseDiff database) {
        List<ChangePage.Row> rows = new ArrayList<>();
        List<SearchIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < database.objects().size(); i++) {
            ObjectChange change = database.objects().get(i);
            List<ChangePage.Field> fields = new ArrayList<>();
            for (FieldChange field : change.fields()) {
                fields.add(new ChangePage.Field(field.field(), ChangeLabels.before(field), ChangeLabels.after(field)));
            }
            String kind = change.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String name = ChangeLabels.name(change);
            rows.add(new ChangePage.Row("c-" + i, kind, ChangeLabels.sign(change), change.change().name().toLowerCase(Locale.ROOT), name,
                    change.notCollectedIn() == null ? "" : ChangeLabels.unknown(change), fields));
            entries.add(new SearchIndex.Entry(kind + " " + name, "c-" + i, List.of()));
        }
        return new ChangePage(database.name(), ChangeLabels.database(database), rows, entries);
    }

    public static DiffOverviewPage overview(ChangeDocument header, List<DatabaseDiff> databases, List<String> hrefs) {
        List<Fact> facts = List.of(
                new Fact("Old", header.old().path() + " (" + header.old().form().name().toLowerCase(Locale.ROOT) + ")"),
                new Fact("New", header.newInput().path() + " (" + header.newInput().form().name().toLowerCase(Locale.ROOT) + ")"));
        List<DiffOverviewPage.Row> rows = new ArrayList<>();
        for (int i = 0; i < databases.size(); i++) {
            DatabaseDiff database = databases.get(i);
            rows.add(new DiffOverviewPage.Row(database.name(), hrefs.get(i), database.change().name().toLowerCase(Locale.ROOT),
                    ChangeLabels.database(database)));
        }
        return new DiffOverviewPage("Changes from " + header.old().path() + " to " + header.newInput().path(), facts,
                ChangeLabels.summary(header.summary()), rows);
    }
}
