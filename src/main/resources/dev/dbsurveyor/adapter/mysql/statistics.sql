-- One row per index column; :expression is EXPRESSION on MySQL 8.0.13 and newer (functional key
-- parts), NULL elsewhere.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique,
       SEQ_IN_INDEX AS position, COLUMN_NAME AS column_name, COLLATION AS collation, SUB_PART AS sub_part,
       INDEX_TYPE AS index_type, :expression AS expression
  FROM information_schema.STATISTICS
 WHERE TABLE_SCHEMA IN (:schemas)
