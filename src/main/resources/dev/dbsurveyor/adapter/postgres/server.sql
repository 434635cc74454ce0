-- The server and the role the collector runs as; address and port as the server sees them
-- (null over a Unix socket). Then who the server's roles are (never a password: pg_roles masks it
-- and it is not read), their memberships (PostgreSQL 16's inherit and set options read through
-- to_jsonb, so that older servers answer the same query with nulls), and the privileges on each
-- database expanded from its ACL (acldefault for a null one), with its owner.
SELECT json_build_object(
         'version', current_setting('server_version'),
         'version_number', current_setting('server_version_num')::int,
         'version_details', version(),
         'user', current_user,
         'superuser', (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user),
         'databases', (SELECT count(*) FROM pg_database),
         'address', host(inet_server_addr()),
         'port', inet_server_port(),
         'roles', (SELECT coalesce(json_agg(json_build_object(
                        'name', r.rolname, 'superuser', r.rolsuper, 'login', r.rolcanlogin, 'inherit', r.rolinherit,
                        'create_role', r.rolcreaterole, 'create_database', r.rolcreatedb, 'replication', r.rolreplication,
                        'bypass_rls', r.rolbypassrls,
                        'connection_limit', CASE WHEN r.rolconnlimit < 0 THEN NULL ELSE r.rolconnlimit END,
                        'valid_until', r.rolvaliduntil) ORDER BY r.rolname), '[]'::json)
                     FROM pg_roles r),
         'memberships', (SELECT coalesce(json_agg(json_build_object(
                        'role', pg_get_userbyid(m.roleid), 'member', pg_get_userbyid(m.member),
                        'grantor', pg_get_userbyid(m.grantor),
                        'admin_option', (to_jsonb(m) ->> 'admin_option')::boolean,
                        'inherit_option', (to_jsonb(m) ->> 'inherit_option')::boolean,
                        'set_option', (to_jsonb(m) ->> 'set_option')::boolean) ORDER BY 1), '[]'::json)
                     FROM pg_auth_members m),
         'database_grants', (SELECT coalesce(json_agg(json_build_object(
                        'database', d.datname, 'owner', pg_get_userbyid(d.datdba),
                        'grantee', CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END,
                        'grantor', pg_get_userbyid(x.grantor), 'privilege', x.privilege_type,
                        'grantable', x.is_grantable, 'acl', x.item::text) ORDER BY d.datname), '[]'::json)
                     FROM pg_database d
                     LEFT JOIN LATERAL (SELECT item, e.* FROM unnest(coalesce(d.datacl, acldefault('d'::"char", d.datdba))) AS item,
                                               aclexplode(ARRAY[item]) AS e) AS x ON true))::text
