-- Tables, partitioned tables, foreign tables, views and materialized views of every user schema.
-- Extension members are left out, as pg_dump leaves them out.
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT c.oid::bigint AS oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind::text AS relkind,
       pn.nspname AS parent_schema,
       pc.relname AS parent_name,
       CASE WHEN c.reltuples < 0 OR c.relkind NOT IN ('r', 'm') THEN NULL ELSE c.reltuples::bigint END AS row_estimate,
       d.description AS comment,
       has_table_privilege(c.oid, 'SELECT') AS readable
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_inherits inh ON inh.inhrelid = c.oid AND c.relispartition
  LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
  LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
  LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
 WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
   AND c.oid >= 16384
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
 ORDER BY 1, 2
