-- The server's version and banner, the user as the server knows it, whether it holds SUPER, and
-- how many schemas it can see.
SELECT VERSION() AS version,
       @@version_comment AS version_comment,
       CURRENT_USER() AS current_user_name,
       (SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES
         WHERE PRIVILEGE_TYPE = 'SUPER'
           AND GRANTEE = CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')) AS super,
       (SELECT COUNT(*) FROM information_schema.SCHEMATA) AS schema_count
