-- Who holds which privilege on every user table, view, sequence, column, schema and routine, and who owns
-- each: each access-control list expanded into one row per grantee and privilege (aclexplode), with the
-- entry it comes from. A null list means the owner's defaults (acldefault), expanded the same way; an
-- empty list ({}) means no privileges at all: the object then has one row with a null grantee, for its owner.
WITH objects AS (
    SELECT CASE c.relkind WHEN 'v' THEN 'View' WHEN 'm' THEN 'MaterializedView' WHEN 'S' THEN 'Sequence'
                          WHEN 'f' THEN 'ForeignTable' ELSE 'Table' END AS object_type,
           n.nspname AS schema, c.relname AS name, NULL::text AS column_name, c.relowner AS owner,
           coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner)) AS acl
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
       AND c.oid >= 16384
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname !~ '^pg_(toast|temp_)'
       AND NOT EXISTS (SELECT 1 FROM pg_depend e
                        WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
    UNION ALL
    SELECT 'Column', n.nspname, c.relname, a.attname, c.relowner, a.attacl
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
       AND c.oid >= 16384
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname !~ '^pg_(toast|temp_)'
    UNION ALL
    SELECT 'Schema', NULL, n.nspname, NULL, n.nspowner, coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))
      FROM pg_namespace n
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname !~ '^pg_(toast|temp_)'
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'Procedure' ELSE 'Function' END, n.nspname,
           p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, p.proowner,
           coalesce(p.proacl, acldefault('f'::"char", p.proowner))
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prokind IN ('f', 'p')
       AND p.oid >= 16384
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname !~ '^pg_(toast|temp_)'
       AND NOT EXISTS (SELECT 1 FROM pg_depend e
                        WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype IN ('e', 'i'))
)
SELECT o.object_type, o.schema, o.name, o.column_name,
       pg_get_userbyid(o.owner) AS owner,
       CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END AS grantee,
       pg_get_userbyid(x.grantor) AS grantor,
       x.privilege_type AS privilege,
       x.is_grantable AS grantable,
       x.item::text AS acl
  FROM objects o
  LEFT JOIN LATERAL (SELECT item, e.* FROM unnest(o.acl) AS item, aclexplode(ARRAY[item]) AS e) AS x ON true
 ORDER BY 1, 2, 3, 4, 6, 8
