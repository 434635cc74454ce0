-- MariaDB's accounts and roles: how each authenticates, whether it is locked or its password expired. Never
-- the password or its hash (authentication_string is not read).
SELECT u.User AS user_name, u.Host AS host, u.is_role AS is_role,
       CASE WHEN JSON_VALUE(g.Priv, '$.account_locked') IN ('1', 'true') THEN 'Y' ELSE 'N' END AS locked,
       u.password_expired AS password_expired, u.plugin AS plugin
  FROM mysql.user u
  LEFT JOIN mysql.global_priv g ON g.User = u.User AND g.Host = u.Host
 ORDER BY u.User, u.Host
