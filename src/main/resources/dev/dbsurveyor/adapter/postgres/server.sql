-- The server and the role the collector runs as.
SELECT json_build_object(
         'version', current_setting('server_version'),
         'version_number', current_setting('server_version_num')::int,
         'version_details', version(),
         'user', current_user,
         'superuser', (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user),
         'databases', (SELECT count(*) FROM pg_database))::text
