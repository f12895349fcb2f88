import { randomUUID } from "node:crypto";
import { ERRORS } from "@tus/utils";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "./redis";
import { RedisLocker } from "./redis-locker";

/**
 * Two web instances are two lockers on two Redis connections: one upload's
 * lock is held by one of them at a time, a waiter gets it when the holder lets
 * go (or fails after its timeout, as tus's MemoryLocker does), and a holder
 * that dies stops blocking the upload once its lock expires.
 */
const first = createRedis();
const second = createRedis();
afterAll(() => {
  first.disconnect();
  second.disconnect();
});

const prefix = `casebook:test:tus-lock:${randomUUID()}:`;
const never = new AbortController().signal;

describe("RedisLocker", () => {
  it("serialises two instances: the second waits until the first unlocks", async () => {
    const id = randomUUID();
    const one = new RedisLocker(first, { prefix }).newLock(id);
    const two = new RedisLocker(second, { prefix }).newLock(id);
    await one.lock(never, () => undefined);

    let secondHolds = false;
    const waiting = two.lock(never, () => undefined).then(() => {
      secondHolds = true;
    });
    // The first still holds it: a third try on either connection with no patience fails at once.
    await expect(new RedisLocker(second, { prefix, acquireTimeoutMs: 0 }).newLock(id).lock(never, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(secondHolds).toBe(false);

    await one.unlock();
    await waiting;
    expect(secondHolds).toBe(true);
    await two.unlock();
    expect(await first.exists(`${prefix}${id}`)).toBe(0);
  });

  it("fails with ERR_LOCK_TIMEOUT when the holder keeps it past the waiter's patience, and stops waiting when the request is aborted", async () => {
    const id = randomUUID();
    const holder = new RedisLocker(first, { prefix }).newLock(id);
    await holder.lock(never, () => undefined);
    const started = Date.now();
    await expect(new RedisLocker(second, { prefix, acquireTimeoutMs: 300 }).newLock(id).lock(never, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);

    const abort = new AbortController();
    const waiting = new RedisLocker(second, { prefix }).newLock(id).lock(abort.signal, () => undefined);
    abort.abort();
    await expect(waiting).rejects.toBe(ERRORS.ABORTED);
    await holder.unlock();
  });

  it("keeps a lock held longer than its ttl alive while the holder lives", async () => {
    const id = randomUUID();
    const holder = new RedisLocker(first, { prefix, lockTtlMs: 200 }).newLock(id);
    await holder.lock(never, () => undefined);
    // Well past three ttls the holder's renewals still keep the waiter out.
    await expect(new RedisLocker(second, { prefix, acquireTimeoutMs: 700 }).newLock(id).lock(never, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await holder.unlock();
  });

  it("lets a waiter in once a crashed holder's lock expires", async () => {
    const id = randomUUID();
    const crashing = createRedis();
    const crashed = new RedisLocker(crashing, { prefix, lockTtlMs: 300 }).newLock(id);
    await crashed.lock(never, () => undefined);
    crashing.disconnect(); // the instance dies: no renewal, no unlock
    expect(await second.exists(`${prefix}${id}`)).toBe(1);

    const started = Date.now();
    const waiter = new RedisLocker(second, { prefix }).newLock(id);
    await waiter.lock(never, () => undefined);
    expect(Date.now() - started).toBeLessThan(5_000);

    await waiter.unlock();
  });

  it("releases only its own lock: a holder whose lock expired and went to another leaves that one alone", async () => {
    const id = randomUUID();
    const late = new RedisLocker(first, { prefix }).newLock(id);
    await late.lock(never, () => undefined);
    await first.del(`${prefix}${id}`); // as if its ttl ran out while it was cut off from Redis
    const next = new RedisLocker(second, { prefix }).newLock(id);
    await next.lock(never, () => undefined);

    await late.unlock();
    expect(await second.exists(`${prefix}${id}`)).toBe(1);
    await expect(new RedisLocker(first, { prefix, acquireTimeoutMs: 0 }).newLock(id).lock(never, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await next.unlock();
    expect(await first.exists(`${prefix}${id}`)).toBe(0);
  });
});
