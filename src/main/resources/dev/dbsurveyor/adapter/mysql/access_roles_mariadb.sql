-- MariaDB's role grants: User@Host has Role, with or without the admin option.
SELECT Role AS role_name, User AS user_name, Host AS host, Admin_option AS admin_option
  FROM mysql.roles_mapping
 ORDER BY Role, User, Host
