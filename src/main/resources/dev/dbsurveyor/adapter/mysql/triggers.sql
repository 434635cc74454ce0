-- Filtered on EVENT_OBJECT_SCHEMA, a column MariaDB matches against schema names before it opens
-- anything; TRIGGER_SCHEMA (the same value) would open every table of the server.
SELECT EVENT_OBJECT_SCHEMA AS schema_name, TRIGGER_NAME AS trigger_name, EVENT_MANIPULATION AS event,
       EVENT_OBJECT_TABLE AS table_name, ACTION_TIMING AS timing, ACTION_STATEMENT AS definition, ACTION_ORDER AS action_order
  FROM information_schema.TRIGGERS
 WHERE EVENT_OBJECT_SCHEMA IN (:schemas)
