-- The server and the role the collector runs as; address and port as the server sees them
-- (null over a Unix socket).
SELECT json_build_object(
         'version', current_setting('server_version'),
         'version_number', current_setting('server_version_num')::int,
         'version_details', version(),
         'user', current_user,
         'superuser', (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user),
         'databases', (SELECT count(*) FROM pg_database),
         'address', host(inet_server_addr()),
         'port', inet_server_port())::text
