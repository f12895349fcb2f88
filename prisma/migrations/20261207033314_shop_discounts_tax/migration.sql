-- CreateEnum
CREATE TYPE "DiscountKind" AS ENUM ('percent', 'amount');

-- AlterTable
ALTER TABLE "payment_sim_checkout_session" ADD COLUMN     "amountDiscount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "discountName" TEXT;

-- AlterTable
ALTER TABLE "shop_order" ADD COLUMN     "discountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "discountCode" TEXT,
ADD COLUMN     "discountCodeId" TEXT,
ADD COLUMN     "taxCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taxRateBasisPoints" INTEGER;

-- CreateTable
CREATE TABLE "shop_discount_code" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "DiscountKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "minSubtotalCents" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3),
    "usageLimit" INTEGER,
    "timesUsed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shop_discount_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shop_discount_code_code_key" ON "shop_discount_code"("code");

-- CreateIndex
CREATE INDEX "shop_order_discountCodeId_idx" ON "shop_order"("discountCodeId");

-- AddForeignKey
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_discountCodeId_fkey" FOREIGN KEY ("discountCodeId") REFERENCES "shop_discount_code"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the usage limit holds in the database too (redeem-discount-code.ts counts uses with a conditional UPDATE).
ALTER TABLE "shop_discount_code" ADD CONSTRAINT "shop_discount_code_uses_check"
  CHECK ("timesUsed" >= 0 AND ("usageLimit" IS NULL OR "timesUsed" <= "usageLimit"));
