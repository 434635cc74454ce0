package dev.dbsurveyor.diff;

import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which objects a document's object failures left out: a failed stage (object name {@code *})
 * leaves out every object of the kinds it reads, a failure named after an object leaves out that
 * object (and, for a table, its parts). Sampling failures leave out samples only.
 */
final class FailureCoverage {

    /** What an object failure names as a whole stage. */
    static final String WHOLE_STAGE = "*";

    private static final Set<DiffKind> TABLE_PARTS = EnumSet.of(DiffKind.TABLE, DiffKind.COLUMN, DiffKind.PRIMARY_KEY,
            DiffKind.FOREIGN_KEY, DiffKind.CONSTRAINT, DiffKind.INDEX, DiffKind.TRIGGER, DiffKind.VIEW, DiffKind.VIEW_COLUMN);

    private final List<ObjectFailure> failures;

    FailureCoverage(List<ObjectFailure> failures) {
        this.failures = failures;
    }

    /** The stage whose failure left out the object named {@code key}, if one did. */
    Optional<CollectionStage> stageThatLeftOut(ObjectKey key) {
        return failures.stream().filter(failure -> covers(failure, key)).map(ObjectFailure::stage).findFirst();
    }

    private static boolean covers(ObjectFailure failure, ObjectKey key) {
        if (failure.stage() == CollectionStage.SAMPLE_DATA) {
            return key.kind() == DiffKind.SAMPLE && (whole(failure) || named(failure, key.schema(), key.table()));
        }
        if (whole(failure)) {
            return kindsOf(failure).contains(key.kind());
        }
        if (failure.objectType() == ObjectType.TABLE || failure.objectType() == ObjectType.VIEW) {
            Set<DiffKind> kinds = failure.objectType() == ObjectType.TABLE ? TABLE_PARTS : EnumSet.of(DiffKind.VIEW, DiffKind.VIEW_COLUMN);
            return kinds.contains(key.kind()) && named(failure, key.schema(), key.table() != null ? key.table() : key.name());
        }
        return kindsOf(failure.objectType()).contains(key.kind()) && named(failure, key.schema(), key.name());
    }

    private static boolean whole(ObjectFailure failure) {
        return WHOLE_STAGE.equals(failure.objectName());
    }

    private static boolean named(ObjectFailure failure, String schema, String name) {
        return failure.objectName().equals(name) && (failure.schemaName() == null || failure.schemaName().equals(schema));
    }

    /** The kinds a failed stage reads; a stage of the tables leaves out everything that hangs on a table. */
    private static Set<DiffKind> kindsOf(ObjectFailure failure) {
        return switch (failure.stage()) {
            case ENUMERATE_SCHEMAS, ENUMERATE_TABLES, COLLECT_COLUMNS -> TABLE_PARTS;
            case COLLECT_CONSTRAINTS -> EnumSet.of(DiffKind.PRIMARY_KEY, DiffKind.FOREIGN_KEY, DiffKind.CONSTRAINT);
            case COLLECT_INDEXES -> EnumSet.of(DiffKind.INDEX);
            case COLLECT_VIEWS -> EnumSet.of(DiffKind.VIEW, DiffKind.VIEW_COLUMN);
            case COLLECT_ROUTINES -> EnumSet.of(DiffKind.PROCEDURE, DiffKind.FUNCTION);
            case COLLECT_TRIGGERS -> EnumSet.of(DiffKind.TRIGGER);
            case SAMPLE_DATA -> EnumSet.of(DiffKind.SAMPLE);
            case COLLECT_PRIVILEGES -> EnumSet.of(DiffKind.PRIVILEGE, DiffKind.POLICY);
            case OTHER -> kindsOf(failure.objectType());
        };
    }

    private static Set<DiffKind> kindsOf(ObjectType type) {
        return switch (type) {
            case TABLE -> TABLE_PARTS;
            case VIEW -> EnumSet.of(DiffKind.VIEW, DiffKind.VIEW_COLUMN);
            case INDEX -> EnumSet.of(DiffKind.INDEX);
            case CONSTRAINT -> EnumSet.of(DiffKind.PRIMARY_KEY, DiffKind.FOREIGN_KEY, DiffKind.CONSTRAINT);
            case PROCEDURE -> EnumSet.of(DiffKind.PROCEDURE);
            case FUNCTION -> EnumSet.of(DiffKind.FUNCTION);
            case TRIGGER -> EnumSet.of(DiffKind.TRIGGER);
            case CUSTOM_TYPE -> EnumSet.of(DiffKind.CUSTOM_TYPE);
            case EVENT -> EnumSet.of(DiffKind.EVENT);
            case PRIVILEGE -> EnumSet.of(DiffKind.PRIVILEGE, DiffKind.POLICY);
        };
    }
}
