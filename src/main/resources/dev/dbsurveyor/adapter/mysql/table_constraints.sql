-- Filtered on TABLE_SCHEMA, the column MariaDB looks schemas up by (CONSTRAINT_SCHEMA would scan every table of the server).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
       CONSTRAINT_TYPE AS constraint_type
  FROM information_schema.TABLE_CONSTRAINTS
 WHERE TABLE_SCHEMA IN (:schemas)
