-- User triggers (not internal ones, not the clones PostgreSQL puts on each partition).
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT n.nspname AS schema,
       c.relname AS table_name,
       tg.tgname AS name,
       tg.tgtype::int AS type_bits,
       pg_get_triggerdef(tg.oid, true) AS definition
  FROM pg_trigger tg
  JOIN pg_class c ON c.oid = tg.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT tg.tgisinternal
   AND tg.oid >= 16384
   AND tg.tgparentid = 0
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
 ORDER BY 1, 2, 3
