-- Definitions of views and materialized views (their columns come with columns.sql).
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT n.nspname AS schema,
       c.relname AS name,
       pg_get_viewdef(c.oid, true) AS definition
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('v', 'm')
   AND c.oid >= 16384
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
 ORDER BY 1, 2
