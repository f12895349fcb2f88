-- AlterTable
ALTER TABLE "shop_order" ADD COLUMN     "checkoutUrl" TEXT;
