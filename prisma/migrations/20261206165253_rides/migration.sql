-- CreateEnum
CREATE TYPE "TripStatus" AS ENUM ('requested', 'matching', 'assigned', 'arriving', 'in_progress', 'completed', 'cancelled', 'no_drivers');

-- CreateEnum
CREATE TYPE "TripPaymentStatus" AS ENUM ('none', 'pending', 'paid', 'due');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('pending', 'accepted', 'declined', 'expired');

-- CreateTable
CREATE TABLE "rides_driver_profile" (
    "userId" TEXT NOT NULL,
    "carMake" TEXT NOT NULL,
    "carModel" TEXT NOT NULL,
    "carColor" TEXT NOT NULL,
    "plate" TEXT NOT NULL,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "offersMade" INTEGER NOT NULL DEFAULT 0,
    "offersAccepted" INTEGER NOT NULL DEFAULT 0,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rides_driver_profile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "rides_trip" (
    "id" TEXT NOT NULL,
    "riderId" TEXT NOT NULL,
    "driverId" TEXT,
    "status" "TripStatus" NOT NULL DEFAULT 'requested',
    "pickupLat" DOUBLE PRECISION NOT NULL,
    "pickupLng" DOUBLE PRECISION NOT NULL,
    "pickupName" TEXT NOT NULL DEFAULT '',
    "dropoffLat" DOUBLE PRECISION NOT NULL,
    "dropoffLng" DOUBLE PRECISION NOT NULL,
    "dropoffName" TEXT NOT NULL DEFAULT '',
    "distanceMeters" INTEGER NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "surgeHundredths" INTEGER NOT NULL DEFAULT 100,
    "fareCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "startCode" TEXT NOT NULL,
    "offerCount" INTEGER NOT NULL DEFAULT 0,
    "assignedAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "cancelledBy" TEXT,
    "cancelFeeCents" INTEGER NOT NULL DEFAULT 0,
    "paymentStatus" "TripPaymentStatus" NOT NULL DEFAULT 'none',
    "checkoutSessionId" TEXT,
    "paymentIntentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rides_trip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rides_trip_event" (
    "id" BIGSERIAL NOT NULL,
    "tripId" TEXT NOT NULL,
    "status" "TripStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rides_trip_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rides_trip_offer" (
    "id" TEXT NOT NULL,
    "tripId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'pending',
    "pickupMeters" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "rides_trip_offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rides_trip_rating" (
    "tripId" TEXT NOT NULL,
    "riderId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rides_trip_rating_pkey" PRIMARY KEY ("tripId")
);

-- CreateIndex
CREATE UNIQUE INDEX "rides_trip_checkoutSessionId_key" ON "rides_trip"("checkoutSessionId");

-- CreateIndex
CREATE INDEX "rides_trip_riderId_createdAt_idx" ON "rides_trip"("riderId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "rides_trip_driverId_createdAt_idx" ON "rides_trip"("driverId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "rides_trip_status_idx" ON "rides_trip"("status");

-- CreateIndex
CREATE INDEX "rides_trip_event_tripId_id_idx" ON "rides_trip_event"("tripId", "id");

-- CreateIndex
CREATE INDEX "rides_trip_offer_driverId_status_idx" ON "rides_trip_offer"("driverId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "rides_trip_offer_tripId_driverId_key" ON "rides_trip_offer"("tripId", "driverId");

-- AddForeignKey
ALTER TABLE "rides_driver_profile" ADD CONSTRAINT "rides_driver_profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rides_trip" ADD CONSTRAINT "rides_trip_riderId_fkey" FOREIGN KEY ("riderId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rides_trip" ADD CONSTRAINT "rides_trip_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rides_trip_event" ADD CONSTRAINT "rides_trip_event_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "rides_trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rides_trip_offer" ADD CONSTRAINT "rides_trip_offer_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "rides_trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rides_trip_offer" ADD CONSTRAINT "rides_trip_offer_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rides_trip_rating" ADD CONSTRAINT "rides_trip_rating_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "rides_trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: the invariants assignment relies on, enforced by Postgres itself
-- so no code path (concurrent accepts, a late accept, two matching jobs) can break them.

-- A driver holds at most one trip at a time...
CREATE UNIQUE INDEX "rides_trip_one_open_trip_per_driver" ON "rides_trip"("driverId") WHERE "status" IN ('assigned', 'arriving', 'in_progress');
-- ...and at most one offer waiting for an answer.
CREATE UNIQUE INDEX "rides_trip_offer_one_pending_per_driver" ON "rides_trip_offer"("driverId") WHERE "status" = 'pending';
-- A rider has at most one trip in progress of any kind.
CREATE UNIQUE INDEX "rides_trip_one_open_trip_per_rider" ON "rides_trip"("riderId") WHERE "status" IN ('requested', 'matching', 'assigned', 'arriving', 'in_progress');
-- An open assigned trip names its driver (a finished one keeps its rows when the driver's account is deleted); stars are 1 to 5; money is never negative.
ALTER TABLE "rides_trip" ADD CONSTRAINT "rides_trip_driver_when_assigned" CHECK ("status" NOT IN ('assigned', 'arriving', 'in_progress') OR "driverId" IS NOT NULL);
ALTER TABLE "rides_trip" ADD CONSTRAINT "rides_trip_money_non_negative" CHECK ("fareCents" >= 0 AND "cancelFeeCents" >= 0);
ALTER TABLE "rides_trip_rating" ADD CONSTRAINT "rides_trip_rating_stars" CHECK ("stars" BETWEEN 1 AND 5);
