-- Columns of every table and view, hidden and generated ones included (PRAGMA table_xinfo).
SELECT m.name AS object_name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
FROM main.sqlite_schema AS m JOIN pragma_table_xinfo(m.name, 'main') AS c
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, c.cid
