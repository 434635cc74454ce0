package dev.dbsurveyor.report.html;

import dev.dbsurveyor.access.EffectiveAccess;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.Role;
import dev.dbsurveyor.model.ServerAccess;
import dev.dbsurveyor.report.AccessDigest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's access page: which roles can read which tables and views, each through the path of
 * memberships it holds SELECT by, the ones PUBLIC can read marked. Superusers, who read everything,
 * are named once; PostgreSQL's predefined {@code pg_*} roles are left out of the rows.
 */
public record AccessPage(String title, List<String> superusers, List<Row> rows, int publicTables) {

    /** One table or view and who can read it: {@code readers} are paths such as {@code alice → analysts}. */
    public record Row(String database, String href, String table, boolean view, boolean publicReadable, List<String> readers) {
    }

    /** The page of {@code server}'s map over the tables of {@code digests}; {@code href} gives a database page's link from its name. */
    public static AccessPage of(String title, ServerAccess server, List<AccessDigest> digests, java.util.function.UnaryOperator<String> href) {
        EffectiveAccess access = EffectiveAccess.of(server);
        List<String> superusers = server.roles().stream().filter(Role::superuser).map(Role::name).sorted().toList();
        List<String> roles = server.roles().stream().filter(role -> !role.superuser() && !role.name().startsWith("pg_")).map(Role::name)
                .sorted().toList();
        // Each role's memberships resolved once, not once per table.
        Map<String, Map<String, List<String>>> inherited = new java.util.LinkedHashMap<>();
        roles.forEach(role -> inherited.put(role, access.inherited(role)));
        List<Row> rows = new ArrayList<>();
        int publicTables = 0;
        for (AccessDigest digest : digests) {
            for (AccessDigest.Readable table : digest.tables()) {
                boolean isPublic = table.grantees().contains(Grant.PUBLIC);
                publicTables += isPublic ? 1 : 0;
                List<String> readers = new ArrayList<>();
                for (Map<String, List<String>> paths : inherited.values()) {
                    for (Map.Entry<String, List<String>> through : paths.entrySet()) {
                        if (!through.getKey().equals(Grant.PUBLIC) && table.grantees().contains(through.getKey())) {
                            readers.add(String.join(" → ", through.getValue()));
                            break;
                        }
                    }
                }
                rows.add(new Row(digest.database(), href.apply(digest.page()),
                        (table.schema() == null ? "" : table.schema() + ".") + table.name(), table.view(), isPublic, readers));
            }
        }
        return new AccessPage(title, superusers, rows, publicTables);
    }
}
