SELECT TRIGGER_SCHEMA AS schema_name, TRIGGER_NAME AS trigger_name, EVENT_MANIPULATION AS event,
       EVENT_OBJECT_TABLE AS table_name, ACTION_TIMING AS timing, ACTION_STATEMENT AS definition, ACTION_ORDER AS action_order
  FROM information_schema.TRIGGERS
 WHERE TRIGGER_SCHEMA IN (:schemas)
