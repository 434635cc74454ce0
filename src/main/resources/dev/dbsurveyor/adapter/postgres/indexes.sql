-- Indexes of tables and materialized views: every key column in order with its sort order,
-- expression keys as their expression, INCLUDE columns after the keys, partial-index predicates.
SELECT coalesce(json_agg(x ORDER BY x.schema, x.table_name, x.name), '[]')::text
  FROM (SELECT n.nspname AS schema,
               c.relname AS table_name,
               ic.relname AS name,
               am.amname AS method,
               i.indisunique AS is_unique,
               i.indisprimary AS is_primary,
               pg_indexam_has_property(am.oid, 'can_order') AS ordered,
               pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
               (SELECT json_agg(json_build_object(
                         'name', CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.pos::int, true) ELSE a.attname::text END,
                         'is_expression', k.attnum = 0,
                         'is_key', k.pos <= i.indnkeyatts,
                         'is_descending', k.pos <= i.indnkeyatts AND (i.indoption[k.pos - 1] & 1) = 1)
                         ORDER BY k.pos)
                  FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, pos)
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS columns
          FROM pg_index i
          JOIN pg_class ic ON ic.oid = i.indexrelid
          JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_am am ON am.oid = ic.relam
         WHERE c.relkind IN ('r', 'p', 'm')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp_)'
           AND NOT EXISTS (SELECT 1 FROM pg_depend e
                            WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')) x
