-- Migration 3: rebuild the full-text index with prefix indexes, so the last word of a search (matched as a
-- prefix while typing, e.g. "magnes*") does not scan every term that starts with it.
DROP TRIGGER products_fts_insert;
DROP TRIGGER products_fts_delete;
DROP TRIGGER products_fts_update;
DROP TABLE products_fts;

CREATE VIRTUAL TABLE products_fts USING fts5(
    brand, name,
    content = 'products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, brand, name) VALUES (new.id, new.brand, new.name);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, brand, name) VALUES ('delete', old.id, old.brand, old.name);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF brand, name ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, brand, name) VALUES ('delete', old.id, old.brand, old.name);
    INSERT INTO products_fts (rowid, brand, name) VALUES (new.id, new.brand, new.name);
END;
INSERT INTO products_fts (products_fts) VALUES ('rebuild');
