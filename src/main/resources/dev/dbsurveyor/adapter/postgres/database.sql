-- The database itself.
SELECT d.datname AS name,
       pg_encoding_to_char(d.encoding) AS encoding,
       d.datcollate AS collation,
       pg_get_userbyid(d.datdba) AS owner,
       pg_database_size(d.oid) AS size_bytes,
       d.datistemplate AS is_template,
       current_setting('server_version') AS server_version
  FROM pg_database d
 WHERE d.datname = current_database()
