-- AlterTable
ALTER TABLE "shop_product_review" ADD COLUMN     "editedAt" TIMESTAMP(3);
