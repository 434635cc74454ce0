-- MySQL's CHECK_CONSTRAINTS has no table name; names are unique within a schema, and
-- TABLE_CONSTRAINTS gives the table.
SELECT CONSTRAINT_SCHEMA AS schema_name, NULL AS table_name, CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause
  FROM information_schema.CHECK_CONSTRAINTS
 WHERE CONSTRAINT_SCHEMA IN (:schemas)
