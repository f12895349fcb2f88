import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ERRORS, type Lock, type Locker } from "@tus/utils";
import type { Redis } from "./redis";

export type RedisLockerOptions = {
  /** Key prefix of the locks (`<prefix><id>`). */
  prefix: string;
  /** A lock nobody renews (its holder crashed or lost Redis) expires after this long. */
  lockTtlMs?: number;
  /** How long lock() waits for a held lock before it fails with ERR_LOCK_TIMEOUT. */
  acquireTimeoutMs?: number;
};

const LOCK_TTL_MS = 30_000;
const ACQUIRE_TIMEOUT_MS = 30_000;
/** Retries of a held lock start quick (a PATCH's store write is usually short) and back off to this. */
const MAX_RETRY_MS = 250;

/** Only the holder's token may release or extend a lock: after an expiry it may be someone else's. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A tus `Locker` over Redis, so requests for one upload are serialised across
 * every web instance sharing the Redis (tus's default MemoryLocker only
 * serialises one process). A lock is `SET key token NX PX ttl`, renewed at a
 * third of its ttl while held, so a live holder keeps it however long its
 * write takes and a crashed one blocks the upload for one ttl at most.
 *
 * tus lets a waiting request ask the holder to let go (`requestRelease`),
 * meant for a holder stuck on a half-open connection. Across instances that
 * would need a pub/sub channel; it is not done because callers take the lock
 * only around store work on a body already read whole, so a waiter never
 * waits on a client's connection: it polls until the holder is done or
 * `acquireTimeoutMs` passes.
 */
export class RedisLocker implements Locker {
  private readonly lockTtlMs: number;
  private readonly acquireTimeoutMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisLockerOptions,
  ) {
    this.lockTtlMs = options.lockTtlMs ?? LOCK_TTL_MS;
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS;
  }

  newLock(id: string): Lock {
    return new RedisLock(this.redis, `${this.options.prefix}${id}`, this.lockTtlMs, this.acquireTimeoutMs);
  }
}

class RedisLock implements Lock {
  private token: string | null = null;
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
    private readonly acquireTimeoutMs: number,
  ) {}

  async lock(signal: AbortSignal): Promise<void> {
    const token = randomBytes(16).toString("hex");
    const deadline = Date.now() + this.acquireTimeoutMs;
    let retryMs = 10;
    for (;;) {
      if (signal.aborted) throw ERRORS.ABORTED;
      if ((await this.redis.set(this.key, token, "PX", this.ttlMs, "NX")) === "OK") break;
      const left = deadline - Date.now();
      if (left <= 0) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(Math.min(retryMs, left), undefined, { signal }).catch(() => undefined);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
    this.token = token;
    this.renewal = setInterval(() => void this.extend(token), Math.max(1, Math.floor(this.ttlMs / 3)));
    this.renewal.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    const token = this.token;
    this.token = null;
    if (token) await this.redis.eval(RELEASE, 1, this.key, token);
  }

  private async extend(token: string): Promise<void> {
    // A failed renewal (Redis away) is retried at the next tick; the lock is lost only if the ttl runs out meanwhile.
    const extended = await this.redis.eval(EXTEND, 1, this.key, token, String(this.ttlMs)).catch(() => null);
    if (extended === 0 && this.token === token) clearInterval(this.renewal);
  }
}
