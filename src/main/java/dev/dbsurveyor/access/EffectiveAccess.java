package dev.dbsurveyor.access;

import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;
import dev.dbsurveyor.model.Role;
import dev.dbsurveyor.model.RoleMembership;
import dev.dbsurveyor.model.ServerAccess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a role may do, resolved from a server's access map the way PostgreSQL resolves it: a
 * superuser may do everything; any other role holds the privileges granted to itself, to PUBLIC,
 * and to every role it is a member of with inheritance, transitively (a membership's
 * {@code inherit_option} where the server has one, else the member's own {@code inherit}
 * attribute). Each answer comes with the path of roles it was found through.
 */
public final class EffectiveAccess {

    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, List<RoleMembership>> membershipsOfMember = new HashMap<>();

    private EffectiveAccess(ServerAccess server) {
        server.roles().forEach(role -> roles.put(role.name(), role));
        server.memberships().forEach(membership -> membershipsOfMember.computeIfAbsent(membership.member(), member -> new ArrayList<>())
                .add(membership));
    }

    public static EffectiveAccess of(ServerAccess server) {
        return new EffectiveAccess(Objects.requireNonNull(server, "server"));
    }

    /** Whether {@code role} is a superuser. */
    public boolean superuser(String role) {
        Role known = roles.get(role);
        return known != null && known.superuser();
    }

    /**
     * Every role whose privileges {@code role} uses without {@code SET ROLE}, each with the path of
     * roles from {@code role} to it: {@code role} itself first, PUBLIC last.
     */
    public Map<String, List<String>> inherited(String role) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put(role, List.of(role));
        Deque<String> pending = new ArrayDeque<>(List.of(role));
        while (!pending.isEmpty()) {
            String member = pending.removeFirst();
            for (RoleMembership membership : membershipsOfMember.getOrDefault(member, List.of())) {
                if (!inherits(membership) || paths.containsKey(membership.role())) {
                    continue;
                }
                List<String> path = new ArrayList<>(paths.get(member));
                path.add(membership.role());
                paths.put(membership.role(), List.copyOf(path));
                pending.addLast(membership.role());
            }
        }
        paths.putIfAbsent(Grant.PUBLIC, List.of(role, Grant.PUBLIC));
        return paths;
    }

    private boolean inherits(RoleMembership membership) {
        if (membership.inheritOption() != null) {
            return membership.inheritOption();
        }
        Role member = roles.get(membership.member());
        return member == null || member.inherit();
    }

    /**
     * How {@code role} holds {@code privilege} on the object named by {@code type}, {@code schema},
     * {@code name} (and {@code column}, for a column grant) among {@code grants}: the path of roles
     * to the grantee that holds it, {@code [role]} alone for a superuser, or empty when it does not.
     */
    public Optional<List<String>> path(String role, List<Grant> grants, GrantObject type, String schema, String name, String column,
                                       String privilege) {
        if (superuser(role)) {
            return Optional.of(List.of(role));
        }
        Map<String, List<String>> through = inherited(role);
        for (Map.Entry<String, List<String>> grantee : through.entrySet()) {
            for (Grant grant : grants) {
                if (grant.objectType() == type && Objects.equals(grant.schema(), schema) && Objects.equals(grant.objectName(), name)
                        && Objects.equals(grant.columnName(), column) && grant.privilege().equals(privilege)
                        && grant.grantee().equals(grantee.getKey())) {
                    return Optional.of(grantee.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
