-- Migration 2: indexes behind `db list` and `db stats`.
CREATE INDEX products_by_claim ON products (electrolyte_claim);
CREATE INDEX products_by_source ON products (source);
CREATE INDEX product_nutrients_by_nutrient ON product_nutrients (nutrient_id, amount);
