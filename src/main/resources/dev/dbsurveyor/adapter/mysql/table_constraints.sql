SELECT CONSTRAINT_SCHEMA AS schema_name, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
       CONSTRAINT_TYPE AS constraint_type
  FROM information_schema.TABLE_CONSTRAINTS
 WHERE CONSTRAINT_SCHEMA IN (:schemas)
