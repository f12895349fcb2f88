import { LRUCache } from "lru-cache";
import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { PagePreview } from "@/server/platform/page-preview";
import type { LinkTargeting } from "../manage/link-targeting";
import { createRedis, type Redis } from "@/server/platform/redis";

/**
 * What the redirect needs to know about a code, in the three tiers it lives
 * in: an in-process LRU (a few seconds), Redis (an hour), Postgres (truth).
 * `null` is a cached "no such link" (negative caching), so a flood of unknown
 * codes costs one Postgres query per code per minute, not one per request.
 *
 * Expiry is not baked into the cache lifetimes: `expiresAt` travels with the
 * entry and the redirect compares it with the clock on every request, so a
 * link stops at the instant it expires however warm the caches are.
 */
export type ResolvedLink = {
  id: string;
  code: string;
  url: string;
  ownerId: string | null;
  /** Epoch ms, or null for never. */
  expiresAt: number | null;
  disabled: boolean;
  passwordHash: string | null;
  /** Absent (entries cached before targeting existed) or null for a link that sends everyone to `url`. */
  targeting?: LinkTargeting | null;
  /** The owner's own card, served to crawlers that unfurl the link (crawler-card.ts); absent or null: they follow the redirect. */
  card?: PagePreview | null;
};

const REDIS_KEY_PREFIX = "casebook:links:code:";
/** Every instance listens here and drops the named code from its LRU. */
export const INVALIDATION_CHANNEL = "casebook:links:invalidate";
const NEGATIVE = "0";

const log = logger.child({ module: "links-cache" });

export type LinkCacheOptions = {
  db: Db;
  redis: Redis;
  localTtlMs?: number;
  localMax?: number;
  /** Subscribe to invalidations (off for one-shot scripts). */
  listen?: boolean;
};

export class LinkCache {
  private readonly db: Db;
  private readonly redis: Redis;
  private readonly local: LRUCache<string, { link: ResolvedLink | null }> | undefined;
  private readonly inflight = new Map<string, Promise<ResolvedLink | null>>();
  private subscriber: Redis | undefined;
  private readonly listen: boolean;

  constructor(options: LinkCacheOptions) {
    this.db = options.db;
    this.redis = options.redis;
    const ttl = options.localTtlMs ?? env.LINKS_LOCAL_CACHE_TTL_MS;
    this.local = ttl > 0 ? new LRUCache({ max: options.localMax ?? env.LINKS_LOCAL_CACHE_MAX, ttl }) : undefined;
    this.listen = options.listen ?? true;
  }

  /** What this process's LRU knows of `code` (null: no such link), or undefined when it must be looked up. */
  peek(code: string): ResolvedLink | null | undefined {
    if (this.listen && !this.subscriber) this.startListening();
    return this.local?.get(code)?.link;
  }

  /** The link behind `code`, or null when there is none. */
  async lookup(code: string): Promise<ResolvedLink | null> {
    const cached = this.peek(code);
    if (cached !== undefined) return cached;
    // Single-flight: while one lookup for a code is on its way to Redis or
    // Postgres, every other request for it waits for that answer.
    let pending = this.inflight.get(code);
    if (!pending) {
      pending = this.loadThroughRedis(code).finally(() => this.inflight.delete(code));
      this.inflight.set(code, pending);
    }
    return pending;
  }

  /**
   * Forget `code` everywhere: Redis, this process, and (through pub/sub) every
   * other instance's LRU, typically within milliseconds. Call after the change
   * is committed. A second pass a moment later covers a reader that fetched the
   * old row from Postgres just before the commit and wrote it back to Redis.
   */
  async invalidate(code: string): Promise<void> {
    this.local?.delete(code);
    await this.redis.multi().del(REDIS_KEY_PREFIX + code).publish(INVALIDATION_CHANNEL, code).exec();
    setTimeout(() => {
      this.redis
        .multi()
        .del(REDIS_KEY_PREFIX + code)
        .publish(INVALIDATION_CHANNEL, code)
        .exec()
        .catch((error: unknown) => log.warn({ code, err: String(error) }, "delayed invalidation failed"));
    }, 500).unref();
  }

  /** Drops one code from this instance's LRU only (the pub/sub handler). */
  forgetLocally(code: string): void {
    this.local?.delete(code);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }

  private async loadThroughRedis(code: string): Promise<ResolvedLink | null> {
    let fromRedis: string | null = null;
    let redisUp = true;
    try {
      fromRedis = await this.redis.get(REDIS_KEY_PREFIX + code);
    } catch (error) {
      // Redis down: serve from Postgres rather than fail the redirect.
      redisUp = false;
      log.warn({ err: String(error) }, "redis unavailable for link lookup; reading Postgres");
    }
    if (fromRedis !== null) {
      const link = fromRedis === NEGATIVE ? null : (JSON.parse(fromRedis) as ResolvedLink);
      this.local?.set(code, { link });
      return link;
    }
    const link = await this.loadFromPostgres(code);
    this.local?.set(code, { link });
    if (redisUp) {
      const write = link
        ? this.redis.set(REDIS_KEY_PREFIX + code, JSON.stringify(link), "EX", env.LINKS_REDIS_CACHE_TTL_SECONDS)
        : this.redis.set(REDIS_KEY_PREFIX + code, NEGATIVE, "EX", env.LINKS_NEGATIVE_CACHE_TTL_SECONDS);
      write.catch((error: unknown) => log.warn({ err: String(error) }, "could not cache link"));
    }
    return link;
  }

  private async loadFromPostgres(code: string): Promise<ResolvedLink | null> {
    const row = await this.db.link.findUnique({
      where: { code },
      select: {
        id: true,
        code: true,
        url: true,
        ownerId: true,
        expiresAt: true,
        disabledAt: true,
        passwordHash: true,
        targeting: true,
        previewCustom: true,
        previewTitle: true,
        previewDescription: true,
        previewImage: true,
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      code: row.code,
      url: row.url,
      ownerId: row.ownerId,
      expiresAt: row.expiresAt?.getTime() ?? null,
      disabled: row.disabledAt !== null,
      passwordHash: row.passwordHash,
      targeting: (row.targeting as LinkTargeting | null) ?? null,
      card: row.previewCustom ? { title: row.previewTitle, description: row.previewDescription, image: row.previewImage } : null,
    };
  }

  private startListening(): void {
    const subscriber = createRedis();
    this.subscriber = subscriber;
    let connectedBefore = false;
    subscriber.on("ready", () => {
      // Messages sent while we were disconnected are lost: start from a clean LRU.
      if (connectedBefore) this.local?.clear();
      connectedBefore = true;
    });
    subscriber.on("message", (_channel: string, code: string) => this.forgetLocally(code));
    subscriber.subscribe(INVALIDATION_CHANNEL).catch((error: unknown) => log.warn({ err: String(error) }, "could not subscribe to link invalidations"));
  }
}

const holder = globalThis as typeof globalThis & { casebookLinkCache?: LinkCache };

/** The process-wide cache over the platform db and redis clients. */
export function getLinkCache(deps: { db: Db; redis: Redis }): LinkCache {
  holder.casebookLinkCache ??= new LinkCache(deps);
  return holder.casebookLinkCache;
}
