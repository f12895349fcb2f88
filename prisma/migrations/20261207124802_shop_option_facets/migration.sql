-- AlterTable
ALTER TABLE "shop_product" ADD COLUMN     "optionLabels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "optionRanks" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- AlterTable
ALTER TABLE "shop_product_variant" ADD COLUMN     "optionKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- By hand: fill the new columns for products that already have variants, the
-- way server/shop/catalog/option-keys.ts writes them from now on: a variant's
-- lower-case "name␟value" keys (␟ = U+001F), and a product's values that some
-- variant has, as spelled, with their place in their option (0 first, 1 last).
UPDATE "shop_product_variant" v
   SET "optionKeys" = ARRAY(
         SELECT lower((p."options" -> (o.position::int - 1) ->> 'name') || chr(31) || o.value)
           FROM unnest(v."optionValues") WITH ORDINALITY AS o(value, position)
          ORDER BY o.position)
  FROM "shop_product" p
 WHERE p."id" = v."productId";

UPDATE "shop_product" p
   SET "optionLabels" = facets.labels, "optionRanks" = facets.ranks
  FROM (
    SELECT p2."id",
           array_agg((o.option ->> 'name') || chr(31) || w.value ORDER BY o.position, w.position) AS labels,
           array_agg((w.position - 1)::float8 / greatest(jsonb_array_length(o.option -> 'values') - 1, 1) ORDER BY o.position, w.position) AS ranks
      FROM "shop_product" p2
     CROSS JOIN jsonb_array_elements(p2."options") WITH ORDINALITY AS o(option, position)
     CROSS JOIN jsonb_array_elements_text(o.option -> 'values') WITH ORDINALITY AS w(value, position)
     WHERE EXISTS (SELECT 1 FROM "shop_product_variant" v WHERE v."productId" = p2."id" AND v."optionValues"[o.position::int] = w.value)
     GROUP BY p2."id"
  ) facets
 WHERE p."id" = facets."id";

-- By hand: browsing counts the option facets over every active product that
-- has options; this partial covering index holds just those rows (one product
-- in seven in bench:shop's catalog) with the columns the filters read, so the
-- count is an index-only scan. The labels stay out of shop_product_facet_idx:
-- widening it made the planner read the table for every browse instead.
CREATE INDEX "shop_product_option_facet_idx" ON "shop_product" ("categoryId", "brand", "priceCents", "ratingAvg", "onHand", "reserved")
  INCLUDE ("id", "optionLabels", "optionRanks")
  WHERE "active" AND "optionLabels" <> '{}';

-- By hand: a size or colour ticked finds its variants by key (array overlap) instead of reading them all.
CREATE INDEX "shop_product_variant_optionKeys_idx" ON "shop_product_variant" USING GIN ("optionKeys");
