-- Functions and procedures (not aggregates or window functions), one row each, parameters in order
-- as a JSON array. Functions that belong to another object (the constructors PostgreSQL makes for a
-- range type) are left out.
-- Objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: that bound, redundant with the
-- schema filters, lets the planner skip the built-in catalog rows by index.
SELECT * FROM (SELECT n.nspname AS schema,
               p.proname AS name,
               p.prokind::text AS kind,
               pg_get_function_identity_arguments(p.oid) AS identity,
               l.lanname AS language,
               d.description AS comment,
               pg_get_functiondef(p.oid) AS definition,
               pg_get_function_result(p.oid) AS result,
               CASE WHEN p.prokind = 'f' THEN json_build_object(
                      'name', rt.typname,
                      'builtin', rt.typnamespace = 'pg_catalog'::regnamespace,
                      'is_array', rt.typcategory = 'A',
                      'element', ret.typname,
                      'element_builtin', ret.typnamespace = 'pg_catalog'::regnamespace,
                      'modifier', -1,
                      'native_type', format_type(p.prorettype, NULL))::text END AS return_type,
               (SELECT coalesce(json_agg(json_build_object(
                         'name', coalesce(p.proargnames[arg.pos], ''),
                         'mode', coalesce(p.proargmodes[arg.pos]::text, 'i'),
                         'default_value', pg_get_function_arg_default(p.oid, arg.pos::int),
                         'type', json_build_object(
                                   'name', t.typname,
                                   'builtin', t.typnamespace = 'pg_catalog'::regnamespace,
                                   'is_array', t.typcategory = 'A',
                                   'element', et.typname,
                                   'element_builtin', et.typnamespace = 'pg_catalog'::regnamespace,
                                   'modifier', -1,
                                   'native_type', format_type(arg.type_oid, NULL)))
                         ORDER BY arg.pos), '[]')
                  FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS arg(type_oid, pos)
                  JOIN pg_type t ON t.oid = arg.type_oid
                  LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A')::text AS parameters
          FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace
          JOIN pg_language l ON l.oid = p.prolang
          JOIN pg_type rt ON rt.oid = p.prorettype
          LEFT JOIN pg_type ret ON ret.oid = rt.typelem AND rt.typcategory = 'A'
          LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
         WHERE p.prokind IN ('f', 'p')
           AND p.oid >= 16384
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp_)'
           AND NOT EXISTS (SELECT 1 FROM pg_depend e
                            WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype IN ('e', 'i'))) x
 ORDER BY x.schema, x.name, x.identity
