-- Every schema (database) the role can see, with its character set, collation and size (data and
-- index lengths of its tables).
SELECT s.SCHEMA_NAME AS schema_name,
       s.DEFAULT_CHARACTER_SET_NAME AS encoding,
       s.DEFAULT_COLLATION_NAME AS collation,
       t.size_bytes
  FROM information_schema.SCHEMATA s
  LEFT JOIN (SELECT TABLE_SCHEMA AS table_schema, SUM(COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0)) AS size_bytes
               FROM information_schema.TABLES
              GROUP BY TABLE_SCHEMA) t ON t.table_schema = s.SCHEMA_NAME
 ORDER BY s.SCHEMA_NAME
