-- Columns of one table or view (?1).
SELECT ?1 AS object_name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
FROM pragma_table_xinfo(?1, 'main') AS c
ORDER BY c.cid
