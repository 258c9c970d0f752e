-- Indexes for the list filters and sorts. Each sort orders by its column and then by
-- id, so two indexes per sort deliver its order, one after a category filter and one
-- without it. The price indexes also serve the price range.
CREATE INDEX product_category_name ON product (category, name, id);
CREATE INDEX product_category_price ON product (category, price, id);
CREATE INDEX product_category_updated_at ON product (category, updated_at, id);
CREATE INDEX product_name ON product (name, id);
CREATE INDEX product_price ON product (price, id);
CREATE INDEX product_updated_at ON product (updated_at, id);

-- Serves the tag filter, which looks up the products carrying a label
CREATE INDEX product_tag_name ON product_tag (name, product_id);
