-- Privileges on stored routines (information_schema has no table of them): Proc_priv is a set such as
-- 'Execute,Alter Routine,Grant'.
SELECT User AS user_name, Host AS host, Db AS schema_name, Routine_name AS routine_name, Routine_type AS routine_type,
       Grantor AS grantor, Proc_priv AS privileges
  FROM mysql.procs_priv
 ORDER BY Db, Routine_name, User, Host
