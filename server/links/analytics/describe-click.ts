import { createHash, randomBytes } from "node:crypto";
import Bowser from "bowser";
import { LRUCache } from "lru-cache";
import { isbot } from "isbot";
import type { Redis } from "@/server/platform/redis";
import type { ClickEvent } from "./click-events";
import { countryOf } from "./country-of";

/** A click as stored: everything the stats need, nothing that identifies a person. */
export type ClickFacts = {
  occurredAt: Date;
  visitorHash: string;
  referrerDomain: string;
  country: string;
  browser: string;
  os: string;
  device: string;
  isBot: boolean;
};

const SALT_KEY_PREFIX = "casebook:links:visitor-salt:";
/** A day's salt outlives the day a little, so late events of that day hash the same way. */
const SALT_TTL_SECONDS = 3 * 24 * 3600;

/**
 * Turns a raw click event into stored facts. Runs in the worker, off the
 * request path. The visitor hash is sha256(ip + ua + salt of the click's UTC
 * day): stable within a day (unique visitors per day), unlinkable across days
 * once the salt expires, and the IP itself is dropped here.
 */
export async function describeClick(event: ClickEvent, salts: DailySalts): Promise<ClickFacts> {
  const occurredAt = new Date(event.occurredAt);
  const salt = await salts.forDay(utcDay(occurredAt));
  const visitorHash = createHash("sha256").update(`${event.ip}\n${event.userAgent}\n${salt}`).digest("hex");
  const agent = describeAgent(event.userAgent);
  const bot = agent.bot;
  return {
    occurredAt,
    visitorHash,
    referrerDomain: referrerDomainOf(event.referer),
    country: countryOf(event.ip),
    browser: agent.browser,
    os: agent.os,
    device: bot ? "bot" : agent.device,
    isBot: bot,
  };
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One random salt per UTC day, shared by every worker through Redis (SET NX), cached in memory. */
export class DailySalts {
  private readonly known = new Map<string, string>();

  constructor(private readonly redis: Redis) {}

  async forDay(day: string): Promise<string> {
    const cached = this.known.get(day);
    if (cached) return cached;
    const key = SALT_KEY_PREFIX + day;
    await this.redis.set(key, randomBytes(32).toString("hex"), "EX", SALT_TTL_SECONDS, "NX");
    const salt = await this.redis.get(key);
    if (!salt) throw new Error(`visitor salt for ${day} vanished`);
    if (this.known.size > 8) this.known.clear();
    this.known.set(day, salt);
    return salt;
  }
}

/** "https://www.news.example/a?b" → "www.news.example"; none or unparsable → "direct". */
export function referrerDomainOf(referer: string): string {
  if (!referer) return "direct";
  try {
    const host = new URL(referer).hostname.toLowerCase();
    return host || "direct";
  } catch {
    return "direct";
  }
}

type AgentFacts = { browser: string; os: string; device: string; bot: boolean };

/**
 * Real traffic repeats a few hundred user-agent strings, and bot detection and
 * UA parsing are the costliest steps of the ingest: remember recent answers.
 */
const agents = new LRUCache<string, AgentFacts>({ max: 5_000 });

function describeAgent(userAgent: string): AgentFacts {
  const known = agents.get(userAgent);
  if (known) return known;
  let facts: AgentFacts;
  if (!userAgent.trim()) {
    // No user agent at all is a script, not a person.
    facts = { browser: "unknown", os: "unknown", device: "unknown", bot: true };
  } else {
    const parsed = Bowser.parse(userAgent);
    facts = {
      browser: parsed.browser.name || "unknown",
      os: parsed.os.name || "unknown",
      device: parsed.platform.type || "unknown",
      bot: isbot(userAgent),
    };
  }
  agents.set(userAgent, facts);
  return facts;
}
