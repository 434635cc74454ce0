-- Keys of every index: a column (cid >= 0), the rowid (-1) or an expression (-2); key = 0 marks the columns an index carries beyond its keys.
SELECT m.name AS object_name, i.name AS index_name, x.seqno, x.cid, x.name, x."desc", x.key
FROM main.sqlite_schema AS m JOIN pragma_index_list(m.name, 'main') AS i JOIN pragma_index_xinfo(i.name, 'main') AS x
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, i.name, x.seqno
