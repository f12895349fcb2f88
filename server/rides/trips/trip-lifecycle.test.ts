import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RIDES_OFFER_TIMEOUT_MS = "5000";
});

import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { readDriver } from "@/server/rides/drivers/driver-index";
import { recordDriverLocation } from "@/server/rides/drivers/record-driver-location";
import { applyRidesPaymentEvent } from "@/server/rides/payments/apply-rides-payment-event";
import { FARE_RATES } from "@/server/rides/pricing/fare";
import { driver, offset, randomCity, rider, runRidesWorkersForThisFile } from "@/server/rides/rides-test-kit";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { cancelTrip } from "./cancel-trip";

runRidesWorkersForThisFile();

const ridesAs = (user: SessionUser) => createCallerFactory(appRouter)({ db, redis, headers: new Headers({ host: "casebook.test" }), user }).rides;

describe("a trip from request to rating", () => {
  it("runs requested → matching → assigned → arriving → in progress → completed, then pay (after a failed attempt) and rate", async () => {
    const city = randomCity();
    const theRider = await rider();
    const theDriver = await driver();
    const asRider = ridesAs(theRider);
    const asDriver = ridesAs(theDriver);
    await asDriver.driver.goOnline();
    await recordDriverLocation({ redis, driverId: theDriver.id, input: { ...offset(city, 400, 0), accuracy: 5 }, publish: () => undefined });

    const places = { pickup: { ...city, name: "Home" }, dropoff: { ...offset(city, 4_000, 0), name: "Work" } };
    const estimate = await asRider.rider.estimate(places);
    expect(estimate).toMatchObject({ surging: false, nearestDriverEtaSeconds: expect.any(Number), fare: { surgeHundredths: 100 } });
    const { id: tripId } = await asRider.rider.request(places);
    expect(await asRider.rider.current()).toMatchObject({ id: tripId, status: "matching", fareCents: estimate.fare.totalCents, startCode: expect.stringMatching(/^\d{4}$/) });

    await expect.poll(async () => (await asDriver.driver.dashboard()).offer?.tripId, { timeout: 10_000 }).toBe(tripId);
    const { offer } = await asDriver.driver.dashboard();
    await asDriver.driver.accept({ offerId: offer?.offerId ?? "" });
    const assigned = await asRider.rider.current();
    expect(assigned).toMatchObject({ status: "assigned", driver: { name: theDriver.name, plate: expect.any(String), rating: 5, etaSeconds: expect.any(Number) } });
    // The driver never sees the code; they must ask the rider.
    expect((await asDriver.trip({ tripId })).startCode).toBeNull();

    await expect(asDriver.driver.complete({ tripId })).rejects.toMatchObject({ code: "CONFLICT" });
    await asDriver.driver.navigate({ tripId });
    await expect(asDriver.driver.start({ tripId, code: assigned?.startCode === "0000" ? "1111" : "0000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await asDriver.driver.start({ tripId, code: assigned?.startCode ?? "" });
    await expect(asRider.rider.cancel({ tripId, reason: "Changed my plans" })).rejects.toMatchObject({ code: "CONFLICT" });
    await asDriver.driver.complete({ tripId });
    expect((await readDriver(redis, theDriver.id))?.state).toBe("available");

    const done = await asRider.rider.current();
    expect(done).toMatchObject({ status: "completed", paymentStatus: "due", amountDueCents: estimate.fare.totalCents });
    expect(done?.events.map((event) => event.status)).toEqual(["requested", "matching", "assigned", "arriving", "in_progress", "completed"]);

    // Pay: a declined card leaves it due, the retry opens a new session, a mismatched event is refused, the right one pays.
    const first = await asRider.rider.pay({ tripId });
    expect(first.url).toMatch(/^http/);
    const firstSession = (await db.trip.findUniqueOrThrow({ where: { id: tripId } })).checkoutSessionId ?? "";
    await applyRidesPaymentEvent({ id: "evt_failed", type: "payment.failed", paymentIntentId: "pi_1", message: "Your card was declined.", metadata: { kind: "rides-trip", tripId } });
    expect((await asRider.rider.current())?.paymentStatus).toBe("due");
    await asRider.rider.pay({ tripId });
    const session = (await db.trip.findUniqueOrThrow({ where: { id: tripId } })).checkoutSessionId ?? "";
    expect(session).not.toBe(firstSession);
    const completed = { id: "evt_ok", type: "checkout.completed" as const, sessionId: session, paymentIntentId: "pi_2", amountTotal: estimate.fare.totalCents, currency: "usd", metadata: { kind: "rides-trip", tripId } };
    expect(await applyRidesPaymentEvent({ ...completed, amountTotal: 1 })).toBe("rejected");
    expect(await applyRidesPaymentEvent({ ...completed, sessionId: firstSession })).toBe("rejected");
    await applyRidesPaymentEvent(completed);
    expect((await asRider.trip({ tripId })).paymentStatus).toBe("paid");
    await expect(asRider.rider.pay({ tripId })).rejects.toMatchObject({ code: "CONFLICT" });

    await expect(asRider.rider.rate({ tripId, stars: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await asRider.rider.rate({ tripId, stars: 4, comment: "Smooth" });
    await expect(asRider.rider.rate({ tripId, stars: 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await asDriver.driver.dashboard()).profile?.rating).toBe(4);
    expect(await asRider.rider.current()).toBeNull();
    const history = await asRider.rider.history({});
    expect(history.items[0]).toMatchObject({ id: tripId, status: "completed", paymentStatus: "paid", rating: { stars: 4 } });
    const earnings = (await asDriver.driver.dashboard()).earnings;
    expect(earnings).toMatchObject({ todayCents: estimate.fare.totalCents, tripsToday: 1 });

    // Strangers see nothing of it.
    await expect(ridesAs(await rider()).trip({ tripId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("charges the cancellation fee only after the driver has been assigned for 2 minutes, and frees the driver", async () => {
    const city = randomCity();
    const theDriver = await driver();
    const asDriver = ridesAs(theDriver);
    await asDriver.driver.goOnline();
    await recordDriverLocation({ redis, driverId: theDriver.id, input: { ...city, accuracy: 5 }, publish: () => undefined });

    for (const [waitedMs, fee] of [
      [60_000, 0],
      [121_000, FARE_RATES.cancelFeeCents],
    ] as const) {
      const theRider = await rider();
      const { id: tripId } = await ridesAs(theRider).rider.request({ pickup: { ...city, name: "" }, dropoff: { ...offset(city, 2_000, 0), name: "" } });
      await expect.poll(async () => (await asDriver.driver.dashboard()).offer?.tripId, { timeout: 10_000 }).toBe(tripId);
      await asDriver.driver.accept({ offerId: (await asDriver.driver.dashboard()).offer?.offerId ?? "" });
      const assignedAt = (await db.trip.findUniqueOrThrow({ where: { id: tripId } })).assignedAt ?? new Date();
      const result = await cancelTrip({ db, redis, riderId: theRider.id, input: { tripId, reason: "Driver is taking too long" }, now: new Date(assignedAt.getTime() + waitedMs) });
      expect(result).toEqual({ cancelFeeCents: fee });
      expect(await db.trip.findUniqueOrThrow({ where: { id: tripId } })).toMatchObject({ status: "cancelled", cancelReason: "Driver is taking too long", cancelledBy: "rider", paymentStatus: fee > 0 ? "due" : "none" });
      expect((await readDriver(redis, theDriver.id))?.state).toBe("available");
    }
  });
});
