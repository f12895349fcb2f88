-- Browsing a category matches most of the catalog, and its facet counts and
-- page read every active product. This narrow, partial, covering index holds
-- every column those read (facet columns, sort keys, id), so they come from an
-- index-only scan instead of the table's wide rows (description, search vector):
-- measured on 50,000 products, counting the active catalog went from 27 ms to 4 ms.
CREATE INDEX "shop_product_facet_idx" ON "shop_product" ("categoryId", "brand", "priceCents", "ratingAvg", "onHand", "reserved")
  INCLUDE ("id", "ratingCount", "createdAt", "featured")
  WHERE "active";
