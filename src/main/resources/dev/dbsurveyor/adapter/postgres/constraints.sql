-- Primary key, foreign key, unique, check and exclusion constraints of tables. Columns come as
-- attribute numbers in key order, which the collector names from the columns stage; only a
-- foreign key to a table that stage does not list (one an extension owns) has its referenced
-- columns named here. Foreign keys that PostgreSQL adds for each partition of a referenced
-- partitioned table are left out: the constraint the user declared is listed once.
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT n.nspname AS schema,
       c.relname AS table_name,
       con.conrelid::bigint AS table_oid,
       con.conname AS name,
       con.contype::text AS type,
       con.conkey AS column_numbers,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       con.confrelid::bigint AS referenced_oid,
       con.confkey AS referenced_column_numbers,
       CASE WHEN con.contype = 'f' AND EXISTS (SELECT 1 FROM pg_depend e
                                                WHERE e.classid = 'pg_class'::regclass AND e.objid = con.confrelid AND e.deptype = 'e')
            THEN ARRAY(SELECT a.attname::text
                         FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                        ORDER BY k.ord)
       END AS referenced_column_names,
       nullif(con.confdeltype::text, ' ') AS on_delete,
       nullif(con.confupdtype::text, ' ') AS on_update,
       CASE con.contype
            WHEN 'c' THEN pg_get_expr(con.conbin, con.conrelid, true)
            WHEN 'x' THEN pg_get_constraintdef(con.oid, true)
       END AS clause
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
 WHERE con.contype IN ('p', 'f', 'u', 'c', 'x')
   AND con.oid >= 16384
   AND c.relkind IN ('r', 'p', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT (con.contype = 'f' AND con.conparentid <> 0
            AND EXISTS (SELECT 1 FROM pg_constraint parent
                         WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid))
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
