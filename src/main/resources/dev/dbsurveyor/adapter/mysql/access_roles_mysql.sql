-- MySQL's role grants: TO_USER@TO_HOST has the role FROM_USER@FROM_HOST.
SELECT FROM_USER AS role_name, FROM_HOST AS role_host, TO_USER AS user_name, TO_HOST AS host, WITH_ADMIN_OPTION AS admin_option
  FROM mysql.role_edges
 ORDER BY FROM_USER, TO_USER, TO_HOST
