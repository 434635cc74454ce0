-- Foreign keys of every table, one row per column pair (PRAGMA foreign_key_list).
SELECT m.name AS object_name, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete
FROM main.sqlite_schema AS m JOIN pragma_foreign_key_list(m.name, 'main') AS f
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, f.id, f.seq
