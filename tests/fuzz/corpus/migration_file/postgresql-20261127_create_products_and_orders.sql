-- Migration: 20260101_fuzz.sql
-- Up
CREATE TABLE product (
    id UUID PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    sku VARCHAR(64) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_product_created ON product (created_at, seq);
CREATE TABLE orders (
    id UUID PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id UUID NOT NULL REFERENCES users(id),
    status VARCHAR(16) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
    note VARCHAR(2000) NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_orders_created ON orders (created_at, seq);
CREATE INDEX idx_orders_status_created ON orders (status, created_at, seq);
CREATE INDEX idx_orders_owner_created ON orders (owner_id, created_at, seq);
CREATE INDEX idx_orders_updated ON orders (updated_at, seq);
CREATE INDEX idx_orders_status ON orders (status, seq);
CREATE TABLE line_item (
    id UUID PRIMARY KEY,
    order_id UUID NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES product(id),
    position INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
    UNIQUE (order_id, position)
);
CREATE INDEX idx_line_item_product ON line_item (product_id);
-- Down
DROP INDEX idx_orders_status;
DROP INDEX idx_orders_updated;
DROP INDEX idx_line_item_product;
DROP TABLE line_item;
DROP INDEX idx_orders_owner_created;
DROP INDEX idx_orders_status_created;
DROP INDEX idx_orders_created;
DROP TABLE orders;
DROP INDEX idx_product_created;
DROP TABLE product;
