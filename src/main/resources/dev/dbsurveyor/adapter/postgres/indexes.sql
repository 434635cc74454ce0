-- Indexes of tables and materialized views. key_numbers holds each column's attribute number in
-- order (0 for an expression), INCLUDE columns after the first key_count; key_options each key's
-- flags (1 = descending). Only an index with expression keys has every key spelled out here in
-- key_definitions; the collector names plain columns from the columns stage.
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT n.nspname AS schema,
       c.relname AS table_name,
       i.indrelid::bigint AS table_oid,
       ic.relname AS name,
       am.amname AS method,
       i.indisunique AS is_unique,
       i.indisprimary AS is_primary,
       pg_indexam_has_property(am.oid, 'can_order') AS ordered,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       i.indnkeyatts AS key_count,
       i.indkey::int2[] AS key_numbers,
       i.indoption::int2[] AS key_options,
       CASE WHEN 0 = ANY (i.indkey::int2[]) THEN
            ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts::int) AS k ORDER BY k)
       END AS key_definitions
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
 WHERE c.relkind IN ('r', 'p', 'm')
   AND c.oid >= 16384
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
