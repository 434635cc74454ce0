-- Tables, partitioned tables, foreign tables, views and materialized views of every user schema,
-- each with its columns in one JSON array. Extension members are left out, as pg_dump does.
SELECT coalesce(json_agg(r ORDER BY r.schema, r.name), '[]')::text
  FROM (SELECT n.nspname AS schema,
               c.relname AS name,
               c.relkind::text AS relkind,
               pn.nspname AS parent_schema,
               pc.relname AS parent_name,
               CASE WHEN c.reltuples < 0 OR c.relkind NOT IN ('r', 'm') THEN NULL ELSE c.reltuples::bigint END AS row_estimate,
               d.description AS comment,
               has_table_privilege(c.oid, 'SELECT') AS readable,
               (SELECT coalesce(json_agg(json_build_object(
                         'name', a.attname,
                         'position', a.attnum,
                         'not_null', a.attnotnull,
                         'default_value', pg_get_expr(ad.adbin, ad.adrelid, true),
                         'identity', a.attidentity::text,
                         'generated', a.attgenerated::text,
                         'comment', cd.description,
                         'dimensions', a.attndims,
                         'type', json_build_object(
                                   'name', t.typname,
                                   'builtin', t.typnamespace = 'pg_catalog'::regnamespace,
                                   'is_array', t.typcategory = 'A',
                                   'element', et.typname,
                                   'element_builtin', et.typnamespace = 'pg_catalog'::regnamespace,
                                   'modifier', a.atttypmod,
                                   'native_type', format_type(a.atttypid, a.atttypmod)))
                         ORDER BY a.attnum), '[]')
                  FROM pg_attribute a
                  JOIN pg_type t ON t.oid = a.atttypid
                  LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
                  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                  LEFT JOIN pg_description cd ON cd.objoid = a.attrelid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_inherits inh ON inh.inhrelid = c.oid AND c.relispartition
          LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
          LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
          LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
         WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp_)'
           AND NOT EXISTS (SELECT 1 FROM pg_depend e
                            WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')) r
