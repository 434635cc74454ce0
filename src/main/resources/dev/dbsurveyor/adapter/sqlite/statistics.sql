-- Row estimates ANALYZE left in sqlite_stat1: the first number of a table's stat is its row count.
SELECT tbl, idx, stat FROM main.sqlite_stat1
