SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, COLUMN_NAME AS column_name,
       ORDINAL_POSITION AS position, REFERENCED_TABLE_SCHEMA AS referenced_schema, REFERENCED_TABLE_NAME AS referenced_table,
       REFERENCED_COLUMN_NAME AS referenced_column
  FROM information_schema.KEY_COLUMN_USAGE
 WHERE TABLE_SCHEMA IN (:schemas)
