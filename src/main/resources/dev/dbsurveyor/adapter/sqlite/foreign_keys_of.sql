-- Foreign keys of one table (?1).
SELECT ?1 AS object_name, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete
FROM pragma_foreign_key_list(?1, 'main') AS f
ORDER BY f.id, f.seq
