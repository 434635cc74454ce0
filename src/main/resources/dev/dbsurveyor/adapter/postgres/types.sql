-- User-defined enums, domains, ranges and standalone composite types, one row each; enum labels,
-- domain checks and composite attributes as JSON arrays.
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT * FROM (SELECT n.nspname AS schema,
               t.typname AS name,
               t.typtype::text AS kind,
               d.description AS comment,
               CASE WHEN t.typtype = 'e' THEN
                    (SELECT coalesce(json_agg(e.enumlabel ORDER BY e.enumsortorder), '[]')::text FROM pg_enum e WHERE e.enumtypid = t.oid)
               END AS labels,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
               CASE WHEN t.typtype = 'd' THEN
                    (SELECT coalesce(json_agg(pg_get_constraintdef(con.oid, true) ORDER BY con.conname), '[]')
                       FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c')::text
               END AS checks,
               t.typnotnull AS not_null,
               t.typdefault AS default_value,
               CASE WHEN t.typtype = 'r' THEN format_type(rng.rngsubtype, NULL) END AS subtype,
               CASE WHEN t.typtype = 'c' THEN
                    (SELECT coalesce(json_agg(json_build_object(
                              'name', a.attname,
                              'type', json_build_object(
                                        'name', at.typname,
                                        'builtin', at.typnamespace = 'pg_catalog'::regnamespace,
                                        'is_array', at.typcategory = 'A',
                                        'element', aet.typname,
                                        'element_builtin', aet.typnamespace = 'pg_catalog'::regnamespace,
                                        'modifier', a.atttypmod,
                                        'native_type', format_type(a.atttypid, a.atttypmod)))
                              ORDER BY a.attnum), '[]')
                       FROM pg_attribute a
                       JOIN pg_type at ON at.oid = a.atttypid
                       LEFT JOIN pg_type aet ON aet.oid = at.typelem AND at.typcategory = 'A'
                      WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)::text
               END AS attributes
          FROM pg_type t
          JOIN pg_namespace n ON n.oid = t.typnamespace
          LEFT JOIN pg_range rng ON rng.rngtypid = t.oid
          LEFT JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
         WHERE (t.typtype IN ('e', 'd', 'r')
                OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class rc WHERE rc.oid = t.typrelid AND rc.relkind = 'c')))
           AND t.oid >= 16384
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp_)'
           AND NOT EXISTS (SELECT 1 FROM pg_depend e
                            WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')) x
 ORDER BY x.schema, x.name
