-- Indexes of tables and materialized views. key_names lists every column in order, expression
-- keys as their expression, INCLUDE columns after the first key_count keys; key_options holds
-- each key's flags (1 = descending).
SELECT n.nspname AS schema,
       c.relname AS table_name,
       ic.relname AS name,
       am.amname AS method,
       i.indisunique AS is_unique,
       i.indisprimary AS is_primary,
       pg_indexam_has_property(am.oid, 'can_order') AS ordered,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       i.indnkeyatts AS key_count,
       ARRAY(SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.pos::int, true) ELSE a.attname::text END
               FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, pos)
               LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              ORDER BY k.pos) AS key_names,
       ARRAY(SELECT k.attnum = 0 FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, pos) ORDER BY k.pos) AS key_is_expression,
       i.indoption::int2[] AS key_options
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
 WHERE c.relkind IN ('r', 'p', 'm')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
 ORDER BY 1, 2, 3
