-- Columns of the relations listed by relations.sql (named by oid), one row each, with what the
-- type mapping needs: the type's name, whether it is built in, and for an array its element type.
-- Rows come in no particular order; the collector orders them by position.
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
WITH relation AS (
    SELECT c.oid
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
       AND c.oid >= 16384
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname !~ '^pg_(toast|temp_)'
       AND NOT EXISTS (SELECT 1 FROM pg_depend e
                        WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e'))
SELECT a.attrelid::bigint AS relation,
       a.attname AS name,
       a.attnum AS position,
       a.attnotnull AS not_null,
       pg_get_expr(ad.adbin, ad.adrelid, true) AS default_value,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       cd.description AS comment,
       a.attndims AS dimensions,
       t.typname AS type_name,
       t.typnamespace = 'pg_catalog'::regnamespace AS type_builtin,
       t.typcategory = 'A' AS type_is_array,
       et.typname AS element_name,
       et.typnamespace = 'pg_catalog'::regnamespace AS element_builtin,
       a.atttypmod AS modifier,
       format_type(a.atttypid, a.atttypmod) AS native_type
  FROM relation r
  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_description cd ON cd.objoid = a.attrelid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
