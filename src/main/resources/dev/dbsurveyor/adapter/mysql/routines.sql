-- ROUTINE_DEFINITION is NULL when the role may not see the routine's body.
SELECT ROUTINE_SCHEMA AS schema_name, SPECIFIC_NAME AS specific_name, ROUTINE_NAME AS routine_name, ROUTINE_TYPE AS routine_type,
       DATA_TYPE AS data_type, DTD_IDENTIFIER AS return_type, CHARACTER_MAXIMUM_LENGTH AS max_length,
       NUMERIC_PRECISION AS numeric_precision, ROUTINE_BODY AS language, ROUTINE_DEFINITION AS definition,
       ROUTINE_COMMENT AS comment
  FROM information_schema.ROUTINES
 WHERE ROUTINE_SCHEMA IN (:schemas)
