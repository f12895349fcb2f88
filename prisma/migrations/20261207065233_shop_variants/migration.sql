-- DropIndex
DROP INDEX "shop_order_item_orderId_productId_key";

-- DropIndex
DROP INDEX "shop_stock_reservation_orderId_productId_key";

-- AlterTable
ALTER TABLE "shop_product" ADD COLUMN     "options" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "shop_order_item" ADD COLUMN     "sku" TEXT,
ADD COLUMN     "variantId" TEXT,
ADD COLUMN     "variantLabel" TEXT;

-- AlterTable
ALTER TABLE "shop_stock_reservation" ADD COLUMN     "variantId" TEXT;

-- CreateTable
CREATE TABLE "shop_product_variant" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "optionValues" TEXT[],
    "sku" TEXT NOT NULL,
    "priceCents" INTEGER,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_product_variant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shop_product_variant_sku_key" ON "shop_product_variant"("sku");

-- CreateIndex
CREATE INDEX "shop_product_variant_productId_position_idx" ON "shop_product_variant"("productId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "shop_order_item_orderId_productId_variantId_key" ON "shop_order_item"("orderId", "productId", "variantId");

-- CreateIndex
-- NULLS NOT DISTINCT (by hand): a line without a variant is still held once per order, so reserveStock's insert stays idempotent.
CREATE UNIQUE INDEX "shop_stock_reservation_orderId_productId_variantId_key" ON "shop_stock_reservation"("orderId", "productId", "variantId") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "shop_product_variant" ADD CONSTRAINT "shop_product_variant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "shop_product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_order_item" ADD CONSTRAINT "shop_order_item_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "shop_product_variant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_stock_reservation" ADD CONSTRAINT "shop_stock_reservation_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "shop_product_variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- By hand: a variant's stock obeys the same rule as a product's (server/shop/inventory.ts).
ALTER TABLE "shop_product_variant" ADD CONSTRAINT "shop_product_variant_stock_check" CHECK ("reserved" >= 0 AND "onHand" >= "reserved");
