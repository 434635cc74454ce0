-- MySQL's accounts (a role is an account there): how each authenticates, whether it is locked or its password
-- expired. Never the password or its hash (authentication_string is not read).
SELECT User AS user_name, Host AS host, 'N' AS is_role, account_locked AS locked, password_expired, plugin
  FROM mysql.user
 ORDER BY User, Host
