SELECT EVENT_SCHEMA AS schema_name, EVENT_NAME AS event_name, EVENT_DEFINITION AS definition, EVENT_TYPE AS event_type,
       EXECUTE_AT AS execute_at, INTERVAL_VALUE AS interval_value, INTERVAL_FIELD AS interval_field, STARTS AS starts,
       ENDS AS ends, STATUS AS status, EVENT_COMMENT AS comment
  FROM information_schema.EVENTS
 WHERE EVENT_SCHEMA IN (:schemas)
