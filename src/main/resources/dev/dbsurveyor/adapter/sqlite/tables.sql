-- Tables and views with their kind (table, view, virtual, shadow) and options (PRAGMA table_list, SQLite 3.37 and newer).
SELECT name, type, wr, strict
FROM pragma_table_list
WHERE schema = 'main' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
