-- Migration 1: products, nutrients per serving, full-text index, Daily Value reference.
-- Applied inside one transaction by labelcheck::db::Database::open; PRAGMA user_version is set by the
-- caller to the migration number afterwards.

-- One row per trade item, keyed by its GTIN-14 (UPC-A, EAN-13, EAN-8 and UPC-E are normalised to it).
CREATE TABLE products (
    id                INTEGER PRIMARY KEY,
    gtin14            TEXT    NOT NULL UNIQUE CHECK (length(gtin14) = 14 AND gtin14 NOT GLOB '*[^0-9]*'),
    brand             TEXT    NOT NULL DEFAULT '',
    name              TEXT    NOT NULL DEFAULT '',
    form              TEXT    NOT NULL DEFAULT '',   -- powder, capsule, tablet, liquid, ... or ''
    serving_size      TEXT    NOT NULL DEFAULT '',   -- as printed, e.g. '1 stick (6 g)'
    electrolyte_claim INTEGER NOT NULL DEFAULT 0 CHECK (electrolyte_claim IN (0, 1)),
    source            TEXT    NOT NULL,              -- off, fdc, dsld, csv, manual, sample
    source_id         TEXT    NOT NULL DEFAULT '',   -- the record id in that dataset
    sample            INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    updated_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Nutrients a product row may carry. Ids 1-4 are the electrolyte minerals in contract order; other
-- nutrients can be added by later migrations without touching products.
CREATE TABLE nutrients (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    unit TEXT NOT NULL              -- unit of product_nutrients.amount and daily_values.amount
);
INSERT INTO nutrients (id, name, unit) VALUES
    (1, 'sodium',    'mg'),
    (2, 'potassium', 'mg'),
    (3, 'calcium',   'mg'),
    (4, 'magnesium', 'mg');

-- Per-serving amounts. A row with a NULL amount means the label lists the nutrient without an amount
-- (DSLD's "NP"); no row means it is not listed at all.
CREATE TABLE product_nutrients (
    product_id      INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    nutrient_id     INTEGER NOT NULL REFERENCES nutrients (id),
    amount          REAL CHECK (amount IS NULL OR amount >= 0),
    daily_value_pct REAL CHECK (daily_value_pct IS NULL OR daily_value_pct >= 0),
    PRIMARY KEY (product_id, nutrient_id)
) WITHOUT ROWID;

-- Daily Values: the FDA 2016 rule ('2016') and the older reference values ('pre2016').
CREATE TABLE daily_values (
    nutrient_id INTEGER NOT NULL REFERENCES nutrients (id),
    standard    TEXT    NOT NULL CHECK (standard IN ('2016', 'pre2016')),
    amount      REAL    NOT NULL CHECK (amount > 0),
    PRIMARY KEY (nutrient_id, standard)
) WITHOUT ROWID;
INSERT INTO daily_values (nutrient_id, standard, amount) VALUES
    (1, '2016', 2300), (1, 'pre2016', 2400),
    (2, '2016', 4700), (2, 'pre2016', 3500),
    (3, '2016', 1300), (3, 'pre2016', 1000),
    (4, '2016',  420), (4, 'pre2016',  400);

-- Full-text index over brand and name, kept in step with products by triggers (external content).
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
