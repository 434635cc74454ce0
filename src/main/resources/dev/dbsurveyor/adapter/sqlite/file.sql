-- The file's text encoding and size in pages.
SELECT (SELECT encoding FROM pragma_encoding) AS encoding,
       (SELECT page_count FROM pragma_page_count) AS page_count,
       (SELECT page_size FROM pragma_page_size) AS page_size
