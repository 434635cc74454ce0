SELECT EVENT_SCHEMA AS schema_name, EVENT_NAME AS event_name, EVENT_DEFINITION AS definition, EVENT_TYPE AS event_type,
       DATE_FORMAT(EXECUTE_AT, '%Y-%m-%d %H:%i:%s') AS execute_at, INTERVAL_VALUE AS interval_value,
       INTERVAL_FIELD AS interval_field, DATE_FORMAT(STARTS, '%Y-%m-%d %H:%i:%s') AS starts,
       DATE_FORMAT(ENDS, '%Y-%m-%d %H:%i:%s') AS ends, STATUS AS status, EVENT_COMMENT AS comment
  FROM information_schema.EVENTS
 WHERE EVENT_SCHEMA IN (:schemas)
