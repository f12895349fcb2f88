-- Search: pg_trgm for typo-tolerant name matching (server/shop/search-products.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('created', 'payment_pending', 'paid', 'preparing', 'shipped', 'delivered', 'cancelled', 'refunded');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('active', 'committed', 'released');

-- CreateTable
CREATE TABLE "payment_webhook_event" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_sim_checkout_session" (
    "id" TEXT NOT NULL,
    "paymentIntentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "paymentStatus" TEXT NOT NULL DEFAULT 'unpaid',
    "amountTotal" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "customerEmail" TEXT,
    "lineItems" JSONB NOT NULL,
    "metadata" JSONB NOT NULL,
    "successUrl" TEXT NOT NULL,
    "cancelUrl" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_sim_checkout_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_sim_refund" (
    "id" TEXT NOT NULL,
    "paymentIntentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_sim_refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_category" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "shop_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_product" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "images" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "ratingTotal" INTEGER NOT NULL DEFAULT 0,
    "ratingAvg" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "searchVector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "name"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "brand"), 'B') ||
        setweight(to_tsvector('english'::regconfig, "description"), 'C')
    ) STORED,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_order" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'created',
    "currency" TEXT NOT NULL,
    "subtotalCents" INTEGER NOT NULL,
    "shippingCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "shippingAddress" JSONB NOT NULL,
    "accessTokenHash" TEXT,
    "cartId" TEXT,
    "paymentProvider" TEXT,
    "checkoutSessionId" TEXT,
    "paymentIntentId" TEXT,
    "reservedUntil" TIMESTAMP(3),
    "trackingNumber" TEXT,
    "cancelReason" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_order_item" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "productSlug" TEXT NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "shop_order_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_order_event" (
    "id" BIGSERIAL NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shop_order_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_stock_reservation" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'active',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shop_stock_reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_product_review" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shop_product_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_sim_checkout_session_paymentIntentId_key" ON "payment_sim_checkout_session"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "payment_sim_checkout_session_idempotencyKey_key" ON "payment_sim_checkout_session"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "payment_sim_refund_idempotencyKey_key" ON "payment_sim_refund"("idempotencyKey");

-- CreateIndex
CREATE INDEX "payment_sim_refund_paymentIntentId_idx" ON "payment_sim_refund"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "shop_category_slug_key" ON "shop_category"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "shop_product_slug_key" ON "shop_product"("slug");

-- CreateIndex
CREATE INDEX "shop_product_categoryId_idx" ON "shop_product"("categoryId");

-- CreateIndex
CREATE INDEX "shop_product_brand_idx" ON "shop_product"("brand");

-- CreateIndex
CREATE INDEX "shop_product_priceCents_idx" ON "shop_product"("priceCents");

-- CreateIndex
CREATE INDEX "shop_product_featured_idx" ON "shop_product"("featured");

-- CreateIndex
CREATE UNIQUE INDEX "shop_order_number_key" ON "shop_order"("number");

-- CreateIndex
CREATE UNIQUE INDEX "shop_order_checkoutSessionId_key" ON "shop_order"("checkoutSessionId");

-- CreateIndex
CREATE INDEX "shop_order_userId_createdAt_idx" ON "shop_order"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "shop_order_status_reservedUntil_idx" ON "shop_order"("status", "reservedUntil");

-- CreateIndex
CREATE INDEX "shop_order_item_productId_idx" ON "shop_order_item"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "shop_order_item_orderId_productId_key" ON "shop_order_item"("orderId", "productId");

-- CreateIndex
CREATE INDEX "shop_order_event_orderId_createdAt_idx" ON "shop_order_event"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "shop_stock_reservation_status_expiresAt_idx" ON "shop_stock_reservation"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "shop_stock_reservation_orderId_productId_key" ON "shop_stock_reservation"("orderId", "productId");

-- CreateIndex
CREATE INDEX "shop_product_review_productId_createdAt_idx" ON "shop_product_review"("productId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "shop_product_review_productId_userId_key" ON "shop_product_review"("productId", "userId");

-- AddForeignKey
ALTER TABLE "shop_product" ADD CONSTRAINT "shop_product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "shop_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_order_item" ADD CONSTRAINT "shop_order_item_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "shop_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_order_item" ADD CONSTRAINT "shop_order_item_productId_fkey" FOREIGN KEY ("productId") REFERENCES "shop_product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_order_event" ADD CONSTRAINT "shop_order_event_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "shop_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_stock_reservation" ADD CONSTRAINT "shop_stock_reservation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "shop_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_stock_reservation" ADD CONSTRAINT "shop_stock_reservation_productId_fkey" FOREIGN KEY ("productId") REFERENCES "shop_product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_product_review" ADD CONSTRAINT "shop_product_review_productId_fkey" FOREIGN KEY ("productId") REFERENCES "shop_product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_product_review" ADD CONSTRAINT "shop_product_review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: stock can never go negative, whatever code path runs (server/shop/inventory.ts).
ALTER TABLE "shop_product" ADD CONSTRAINT "shop_product_stock_check" CHECK ("reserved" >= 0 AND "onHand" >= "reserved");
ALTER TABLE "shop_product" ADD CONSTRAINT "shop_product_price_check" CHECK ("priceCents" >= 0);
ALTER TABLE "shop_order_item" ADD CONSTRAINT "shop_order_item_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "shop_stock_reservation" ADD CONSTRAINT "shop_stock_reservation_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "shop_product_review" ADD CONSTRAINT "shop_product_review_rating_check" CHECK ("rating" BETWEEN 1 AND 5);

-- Hand-written: full-text (weighted name > brand > description) and trigram (typos in names) indexes.
CREATE INDEX "shop_product_search_idx" ON "shop_product" USING GIN ("searchVector");
CREATE INDEX "shop_product_name_trgm_idx" ON "shop_product" USING GIN ("name" gin_trgm_ops);
