package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.Account;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;
import dev.dbsurveyor.model.RoleMembership;
import dev.dbsurveyor.model.ServerAccess;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access map of a real MySQL or MariaDB server: accounts (one with a hostile name, one
 * locked), a role granted to an account, global, database, table, column and routine privileges,
 * each account's collected grants compared with what {@code SHOW GRANTS} says of it. Tested here
 * on MariaDB; MySQL 8 only in the GitHub workflow.
 */
class MySqlAccessIT {

    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (?:(PROCEDURE|FUNCTION) )?(\\S+) TO .+?( WITH GRANT OPTION)?$");

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void everyAccountsGrantsAreThoseShowGrantsLists(@MySql TestServer server) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String database = server.createDatabase();
        String app = "dbs_app_" + suffix;
        String hostile = "dbs \"hostile\"; -- `x` " + suffix;
        String role = "dbs_role_" + suffix;
        String appAccount = "'" + app + "'@'%'";
        String hostileAccount = "'" + hostile.replace("'", "''") + "'@'localhost'";
        String db = "`" + database + "`";
        try {
            server.execute(null,
                    "CREATE USER " + appAccount + " IDENTIFIED BY 'never-in-any-output-" + suffix + "'",
                    "CREATE USER " + hostileAccount + " ACCOUNT LOCK",
                    "CREATE ROLE `" + role + "`",
                    "CREATE TABLE " + db + ".t (id int, secret int)",
                    "CREATE PROCEDURE " + db + ".p() SELECT 1",
                    "GRANT SELECT ON " + db + ".* TO " + appAccount,
                    "GRANT INSERT (id), UPDATE (id, secret) ON " + db + ".t TO " + appAccount,
                    "GRANT UPDATE ON " + db + ".t TO " + hostileAccount + " WITH GRANT OPTION",
                    "GRANT PROCESS ON *.* TO " + hostileAccount,
                    "GRANT SELECT ON " + db + ".t TO `" + role + "`",
                    "GRANT `" + role + "` TO " + appAccount,
                    "GRANT EXECUTE ON PROCEDURE " + db + ".p TO " + appAccount);

            MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
            ServerInfo info;
            try {
                info = adapter.serverInfo().block(Duration.ofSeconds(60));
            } finally {
                adapter.close().block(Duration.ofSeconds(10));
            }
            ServerAccess access = info.access();
            assertThat(access.failures()).isEmpty();
            assertThat(ContractMapper.mapper().valueToTree(info).toString()).doesNotContain("never-in-any-output").doesNotContain("*");

            assertThat(access.accounts()).filteredOn(account -> account.user().equals(hostile)).singleElement().satisfies(account -> {
                assertThat(account.host()).isEqualTo("localhost");
                assertThat(account.locked()).isTrue();
            });
            assertThat(access.accounts()).filteredOn(account -> account.user().equals(role)).extracting(Account::isRole).containsExactly(true);
            assertThat(access.memberships()).contains(new RoleMembership(role, app + "@%", null, false, null, null));

            for (String[] account : List.of(new String[] {appAccount, app + "@%"}, new String[] {hostileAccount, hostile + "@localhost"},
                    new String[] {"`" + role + "`", role})) {
                Set<String> shown = new TreeSet<>();
                for (var row : server.query(null, "SHOW GRANTS FOR " + account[0])) {
                    shown.addAll(parse(row.values().iterator().next().toString(), database));
                }
                Set<String> collected = new TreeSet<>();
                for (Grant grant : access.privileges()) {
                    if (grant.grantee().equals(account[1]) && (grant.objectType() == GrantObject.GLOBAL || database.equals(grant.schema())
                            || database.equals(grant.objectName()))) {
                        collected.add(line(grant));
                    }
                }
                assertThat(collected).as("grants of " + account[1]).isEqualTo(shown);
                assertThat(collected).isNotEmpty();
            }
        } finally {
            server.execute(null, "DROP USER IF EXISTS " + appAccount, "DROP USER IF EXISTS " + hostileAccount, "DROP ROLE IF EXISTS `" + role + "`");
        }
    }

    @Test
    void aUserWithFewRightsCollectsWhatItMayAndTheRestIsAFailureNotAnEmptyList(@MySql TestServer server) {
        String database = server.createDatabase();
        String user = server.createRole("few-rights");
        server.execute(null, "GRANT SELECT ON `" + database + "`.* TO '" + user + "'@'%'");
        dev.dbsurveyor.testing.ServerEndpoint admin = server.endpoint();
        MySqlAdapter adapter = MySqlFixtures.adapter(new dev.dbsurveyor.testing.ServerEndpoint(admin.engine(), admin.host(), admin.port(), user,
                "few-rights", admin.source()));
        ServerAccess access;
        try {
            access = adapter.serverInfo().block(Duration.ofSeconds(60)).access();
        } finally {
            adapter.close().block(Duration.ofSeconds(10));
        }
        assertThat(access.failures()).extracting(failure -> failure.objectName())
                .contains("accounts", "role grants", "routine privileges");
        assertThat(access.failures()).allSatisfy(failure -> {
            assertThat(failure.stage()).isEqualTo(dev.dbsurveyor.model.CollectionStage.COLLECT_PRIVILEGES);
            assertThat(failure.errorCategory()).isEqualTo(dev.dbsurveyor.model.ErrorCategory.PERMISSION);
        });
        assertThat(access.accounts()).isEmpty();
        assertThat(access.privileges()).as("its own grants, which information_schema shows it")
                .anySatisfy(grant -> assertThat(grant.objectName()).isEqualTo(database));
    }

    private static String line(Grant grant) {
        return String.join("|", grant.objectType().name(), String.valueOf(grant.objectType() == GrantObject.DATABASE ? grant.objectName() : grant.schema()),
                String.valueOf(grant.objectType() == GrantObject.DATABASE ? null : grant.objectName()), String.valueOf(grant.columnName()),
                grant.privilege(), String.valueOf(grant.isGrantable()));
    }

    /** The privileges one line of SHOW GRANTS gives, on the test's database or globally, as {@link #line} writes them. */
    private static List<String> parse(String statement, String database) {
        Matcher matcher = GRANT.matcher(statement.strip());
        List<String> lines = new ArrayList<>();
        if (!matcher.matches()) {
            return lines;
        }
        boolean grantable = matcher.group(4) != null;
        List<String> target = identifiers(matcher.group(3));
        String routine = matcher.group(2);
        for (String privilege : splitPrivileges(matcher.group(1))) {
            int open = privilege.indexOf('(');
            String name = (open < 0 ? privilege : privilege.substring(0, open)).strip();
            if (name.equals("USAGE") || name.startsWith("`")) {
                continue;
            }
            if (target.get(0).equals("*")) {
                lines.add(String.join("|", "GLOBAL", "null", "null", "null", name, String.valueOf(grantable)));
            } else if (!target.get(0).equals(database)) {
                continue;
            } else if (routine != null) {
                lines.add(String.join("|", routine, database, target.get(1), "null", name, String.valueOf(grantable)));
            } else if (target.get(1).equals("*")) {
                lines.add(String.join("|", "DATABASE", database, "null", "null", name, String.valueOf(grantable)));
            } else if (open >= 0) {
                for (String column : identifiers(privilege.substring(open + 1, privilege.lastIndexOf(')')).replace(", ", ","))) {
                    lines.add(String.join("|", "COLUMN", database, target.get(1), column, name, String.valueOf(grantable)));
                }
            } else {
                lines.add(String.join("|", "TABLE", database, target.get(1), "null", name, String.valueOf(grantable)));
            }
        }
        return lines;
    }

    /** {@code SELECT (`a`, `b`), INSERT} as its two privileges: commas inside parentheses or backticks do not split. */
    private static List<String> splitPrivileges(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).strip());
        return parts;
    }

    /** {@code `db`.`t`}, {@code `db`.*}, {@code *.*} or {@code `a`,`b`} as its names unquoted ({@code *} kept). */
    private static List<String> identifiers(String text) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == '`' && i + 1 < text.length() && text.charAt(i + 1) == '`') {
                        name.append('`');
                        i += 2;
                    } else if (text.charAt(i) == '`') {
                        i++;
                        break;
                    } else {
                        name.append(text.charAt(i++));
                    }
                }
                names.add(name.toString());
            } else if (c == '*') {
                names.add("*");
                i++;
            } else {
                i++;
            }
        }
        return names;
    }
}
