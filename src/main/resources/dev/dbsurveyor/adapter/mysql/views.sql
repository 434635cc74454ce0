-- VIEW_DEFINITION is empty when the role lacks SHOW VIEW on the view.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, VIEW_DEFINITION AS definition
  FROM information_schema.VIEWS
 WHERE TABLE_SCHEMA IN (:schemas)
