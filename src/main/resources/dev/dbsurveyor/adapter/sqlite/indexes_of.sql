-- Indexes of one table (?1).
SELECT ?1 AS object_name, i.seq, i.name, i."unique", i.origin, i.partial
FROM pragma_index_list(?1, 'main') AS i
ORDER BY i.name
