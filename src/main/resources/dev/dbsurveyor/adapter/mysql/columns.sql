SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, COLUMN_NAME AS column_name, ORDINAL_POSITION AS position,
       COLUMN_DEFAULT AS default_value, IS_NULLABLE AS is_nullable, DATA_TYPE AS data_type, COLUMN_TYPE AS column_type,
       CHARACTER_MAXIMUM_LENGTH AS max_length, CHARACTER_OCTET_LENGTH AS octet_length, NUMERIC_PRECISION AS numeric_precision,
       COLUMN_KEY AS column_key, EXTRA AS extra, COLUMN_COMMENT AS comment, GENERATION_EXPRESSION AS generation_expression
  FROM information_schema.COLUMNS
 WHERE TABLE_SCHEMA IN (:schemas)
