-- The database itself: one JSON object.
SELECT json_build_object(
         'name', d.datname,
         'encoding', pg_encoding_to_char(d.encoding),
         'collation', d.datcollate,
         'owner', pg_get_userbyid(d.datdba),
         'size_bytes', pg_database_size(d.oid),
         'is_template', d.datistemplate,
         'server_version', current_setting('server_version'))::text
  FROM pg_database d
 WHERE d.datname = current_database()
