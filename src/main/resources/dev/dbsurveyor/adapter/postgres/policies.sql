-- Row-level security: every user table that enables or forces it or has policies, and its policies (one
-- row per policy; a table without any has one row with a null policy).
SELECT n.nspname AS schema,
       c.relname AS table_name,
       c.relrowsecurity AS enabled,
       c.relforcerowsecurity AS forced,
       p.polname AS name,
       p.polcmd::text AS command,
       p.polpermissive AS permissive,
       (SELECT json_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END ORDER BY 1)
          FROM unnest(p.polroles) AS r)::text AS roles,
       pg_get_expr(p.polqual, p.polrelid, true) AS using_expression,
       pg_get_expr(p.polwithcheck, p.polrelid, true) AS check_expression
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_policy p ON p.polrelid = c.oid
 WHERE c.relkind IN ('r', 'p')
   AND c.oid >= 16384
   AND (c.relrowsecurity OR c.relforcerowsecurity OR p.oid IS NOT NULL)
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp_)'
 ORDER BY 1, 2, 5
