-- Migration 4: rebuild the full-text index without the prefix indexes of migration 3. db_bench showed they
-- quadrupled the index writes of an import while helping no realistic query: FTS5 uses a prefix index only
-- for prefixes of exactly 2, 3 or 4 characters, and a longer prefix ("magnes*") is a short range scan of
-- the term list anyway.
DROP TRIGGER products_fts_insert;
DROP TRIGGER products_fts_delete;
DROP TRIGGER products_fts_update;
DROP TABLE products_fts;

CREATE VIRTUAL TABLE products_fts USING fts5(
    brand, name,
    content = 'products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
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

-- Also drop migration 2's (nutrient_id, amount) index: every import row inserted four entries at random
-- places in it, and the only reader (`db stats`) scans product_nutrients quickly enough without it.
DROP INDEX product_nutrients_by_nutrient;
