-- Every database of the server. Sizes only where the role may connect (pg_database_size needs it).
-- A database left invalid by an interrupted DROP DATABASE (datconnlimit -2) cannot be connected to.
SELECT coalesce(json_agg(x ORDER BY x.name), '[]')::text
  FROM (SELECT d.datname AS name,
               pg_get_userbyid(d.datdba) AS owner,
               pg_encoding_to_char(d.encoding) AS encoding,
               d.datcollate AS collation,
               CASE WHEN has_database_privilege(d.oid, 'CONNECT') THEN pg_database_size(d.oid) END AS size_bytes,
               d.datistemplate AS is_template,
               d.datallowconn AND d.datconnlimit <> -2 AND has_database_privilege(d.oid, 'CONNECT') AS is_accessible
          FROM pg_database d) x
