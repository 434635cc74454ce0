-- Tables and views (TABLE_TYPE says which); sequences are left out, as they are for PostgreSQL.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_TYPE AS table_type, ENGINE AS engine,
       TABLE_ROWS AS row_estimate, COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0) AS size_bytes,
       TABLE_COMMENT AS comment, CREATE_OPTIONS AS create_options
  FROM information_schema.TABLES
 WHERE TABLE_SCHEMA IN (:schemas)
