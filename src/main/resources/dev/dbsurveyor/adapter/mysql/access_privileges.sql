-- Global, database, table and column privileges of every account the collecting user may see
-- (information_schema shows a user its own, and everyone's to a user who may read the mysql schema).
SELECT 'Global' AS object_type, GRANTEE AS grantee, NULL AS schema_name, NULL AS table_name, NULL AS column_name,
       PRIVILEGE_TYPE AS privilege, IS_GRANTABLE AS grantable
  FROM information_schema.USER_PRIVILEGES
UNION ALL
SELECT 'Database', GRANTEE, TABLE_SCHEMA, NULL, NULL, PRIVILEGE_TYPE, IS_GRANTABLE
  FROM information_schema.SCHEMA_PRIVILEGES
UNION ALL
SELECT 'Table', GRANTEE, TABLE_SCHEMA, TABLE_NAME, NULL, PRIVILEGE_TYPE, IS_GRANTABLE
  FROM information_schema.TABLE_PRIVILEGES
UNION ALL
SELECT 'Column', GRANTEE, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, PRIVILEGE_TYPE, IS_GRANTABLE
  FROM information_schema.COLUMN_PRIVILEGES
