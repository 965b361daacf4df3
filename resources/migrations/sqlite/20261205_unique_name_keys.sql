-- Migration: 20261205_unique_name_keys.sql
-- Up
-- Feature names and SKUs are unique as people read them, not as bytes:
-- "Dark mode" and "dark mode", "café" and "cafe" + U+0301 are one name.
-- The program writes each row's key (text::uniquenessKey: NFKC, case
-- folded, format characters left out) and these unique indexes hold it, so
-- two writers racing with look-alike names cannot both win. Rows written
-- before get lower(name), which is their key for ASCII names (they are
-- re-keyed when next written); names that already clash keep theirs made
-- distinct with a line break and their id, which no key can contain.
ALTER TABLE feature_data ADD COLUMN name_key TEXT NULL;
UPDATE feature_data SET name_key = lower(name);
UPDATE feature_data SET name_key = name_key || char(10) || id
    WHERE EXISTS (SELECT 1 FROM feature_data older
                  WHERE lower(older.name) = lower(feature_data.name) AND older.rowid < feature_data.rowid);
CREATE UNIQUE INDEX idx_feature_name_key ON feature_data (name_key);
ALTER TABLE product ADD COLUMN sku_key TEXT NULL;
UPDATE product SET sku_key = lower(sku);
UPDATE product SET sku_key = sku_key || char(10) || id
    WHERE EXISTS (SELECT 1 FROM product older
                  WHERE lower(older.sku) = lower(product.sku) AND older.rowid < product.rowid);
CREATE UNIQUE INDEX idx_product_sku_key ON product (sku_key);
-- Down
DROP INDEX idx_product_sku_key;
ALTER TABLE product DROP COLUMN sku_key;
DROP INDEX idx_feature_name_key;
ALTER TABLE feature_data DROP COLUMN name_key;
