-- Position 0 is a function's return value, which routines.sql already gives.
SELECT SPECIFIC_SCHEMA AS schema_name, SPECIFIC_NAME AS specific_name, ROUTINE_TYPE AS routine_type,
       ORDINAL_POSITION AS position, PARAMETER_MODE AS mode, PARAMETER_NAME AS parameter_name, DATA_TYPE AS data_type,
       DTD_IDENTIFIER AS column_type, CHARACTER_MAXIMUM_LENGTH AS max_length, NUMERIC_PRECISION AS numeric_precision
  FROM information_schema.PARAMETERS
 WHERE SPECIFIC_SCHEMA IN (:schemas)
   AND ORDINAL_POSITION > 0
