-- Indexes of every table: unique or not, made by CREATE INDEX (c), a UNIQUE (u) or a PRIMARY KEY (pk) constraint, partial or not.
SELECT m.name AS object_name, i.seq, i.name, i."unique", i.origin, i.partial
FROM main.sqlite_schema AS m JOIN pragma_index_list(m.name, 'main') AS i
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, i.name
