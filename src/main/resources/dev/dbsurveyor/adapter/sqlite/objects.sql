-- Every object of the main schema with the statement that made it; SQLite's own tables (sqlite_*) left out.
SELECT type, name, tbl_name, sql
FROM main.sqlite_schema
WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY type, name
