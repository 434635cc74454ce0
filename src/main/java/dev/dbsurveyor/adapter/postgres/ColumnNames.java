package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ColumnRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The columns of every relation by relation oid, in position order, and their names by attribute number. */
final class ColumnNames {

    private final Map<Long, List<ColumnRow>> byRelation = new HashMap<>();
    private final Map<Long, Map<Integer, String>> names = new HashMap<>();

    ColumnNames(List<ColumnRow> columns) {
        for (ColumnRow column : columns) {
            byRelation.computeIfAbsent(column.relation(), oid -> new ArrayList<>()).add(column);
            names.computeIfAbsent(column.relation(), oid -> new HashMap<>()).put(column.position(), column.name());
        }
        byRelation.values().forEach(list -> list.sort(Comparator.comparingInt(ColumnRow::position)));
    }

    List<ColumnRow> columnsOf(long relation) {
        return byRelation.getOrDefault(relation, List.of());
    }

    /** The names of the given attribute numbers of a relation, in order; empty if one is unknown. */
    Optional<List<String>> names(long relation, List<Integer> numbers) {
        Map<Integer, String> known = names.getOrDefault(relation, Map.of());
        List<String> resolved = new ArrayList<>(numbers.size());
        for (int number : numbers) {
            String name = known.get(number);
            if (name == null) {
                return Optional.empty();
            }
            resolved.add(name);
        }
        return Optional.of(resolved);
    }
}
