-- ALTER DEFAULT PRIVILEGES: what objects a role makes later are granted with, in one schema or (schema
-- null) in every schema; one row per grantee and privilege, with the entry it comes from.
SELECT pg_get_userbyid(d.defaclrole) AS owner,
       n.nspname AS schema,
       d.defaclobjtype::text AS object_type,
       CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END AS grantee,
       pg_get_userbyid(x.grantor) AS grantor,
       x.privilege_type AS privilege,
       x.is_grantable AS grantable,
       item::text AS acl
  FROM pg_default_acl d
  LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
 CROSS JOIN LATERAL unnest(d.defaclacl) AS item
 CROSS JOIN LATERAL aclexplode(ARRAY[item]) AS x
 ORDER BY 1, 2, 3, 4, 6
