-- Keys of the indexes of one table (?1).
SELECT ?1 AS object_name, i.name AS index_name, x.seqno, x.cid, x.name, x."desc", x.key
FROM pragma_index_list(?1, 'main') AS i JOIN pragma_index_xinfo(i.name, 'main') AS x
ORDER BY i.name, x.seqno
