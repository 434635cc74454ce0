package dev.dbsurveyor.diff;

import dev.dbsurveyor.model.ChangeType;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DatabaseAccess;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectOwner;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.Policy;
import dev.dbsurveyor.model.PolicyCommand;
import dev.dbsurveyor.model.RowSecurity;
import dev.dbsurveyor.model.ContractFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Privilege and policy changes between two documents: each its own kind, keyed by object and grantee. */
class AccessDiffTest {

    private static final Grant ORDERS_TO_ANALYSTS = new Grant(GrantObject.TABLE, "public", "orders", null, "analysts", "postgres", "SELECT",
            false, "analysts=r/postgres");

    private static DatabaseSchema with(List<Grant> grants, ObjectOwner owner, List<Policy> policies) {
        return ContractFixtures.fullDocument().withAccess(new DatabaseAccess(grants, List.of(),
                List.of(new RowSecurity("public", "payments", true, false)), policies, List.of(owner)));
    }

    @Test
    void aGranteeGainingSelectOnPaymentsIsOneAddedPrivilege() {
        ObjectOwner owner = new ObjectOwner(GrantObject.TABLE, "public", "payments", "app");
        DatabaseSchema old = with(List.of(ORDERS_TO_ANALYSTS), owner, List.of());
        Grant payments = new Grant(GrantObject.TABLE, "public", "payments", null, "analysts", "app", "SELECT", false, "analysts=r/app");
        DatabaseSchema next = with(List.of(ORDERS_TO_ANALYSTS, payments), new ObjectOwner(GrantObject.TABLE, "public", "payments", "billing"),
                List.of(new Policy("mine", "public", "payments", PolicyCommand.SELECT, true, List.of("PUBLIC"), "owner = current_user", null)));

        List<ObjectChange> changes = SchemaDiff.between(old, next).changes();

        assertThat(changes).filteredOn(change -> change.kind() == DiffKind.PRIVILEGE)
                .extracting(ObjectChange::change, ObjectChange::table, ObjectChange::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "payments", "analysts SELECT"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.CHANGED, "payments", "owner"));
        assertThat(changes).filteredOn(change -> change.kind() == DiffKind.POLICY)
                .extracting(ObjectChange::change, ObjectChange::name).containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "mine"));
    }

    @Test
    void privilegesAreUnknownWhereTheirStageFailed() {
        ObjectOwner owner = new ObjectOwner(GrantObject.TABLE, "public", "payments", "app");
        DatabaseSchema old = with(List.of(ORDERS_TO_ANALYSTS), owner, List.of());
        DatabaseSchema collected = with(List.of(), owner, List.of());
        List<ObjectFailure> failures = new ArrayList<>(collected.collectionMetadata().objectFailures());
        failures.add(new ObjectFailure(ObjectType.PRIVILEGE, "*", null, CollectionStage.COLLECT_PRIVILEGES, ErrorCategory.PERMISSION,
                "permission denied", 0, null));
        DatabaseSchema next = collected.withSamples(collected.samples() == null ? null : collected.samples(), failures.subList(
                collected.collectionMetadata().objectFailures().size(), failures.size()));

        assertThat(SchemaDiff.between(old, next).changes()).filteredOn(change -> change.kind() == DiffKind.PRIVILEGE)
                .noneMatch(change -> change.change() == ChangeType.REMOVED);
    }
}
