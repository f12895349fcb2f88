import { createHmac } from "node:crypto";
import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";

/**
 * Generated short codes: 7 characters of base62.
 *
 * Why a counter through a keyed permutation rather than random codes:
 * - Unique by construction. Every counter value is handed out once (blocks are
 *   reserved by inserting a row into link_code_block, whose id comes from a
 *   Postgres sequence that never repeats, even after a crash), and a
 *   permutation maps distinct counters to distinct codes. So the common path
 *   inserts without a collision check; the unique index on link.code only ever
 *   fires when a custom alias happens to look like a generated code (or after
 *   the key changed), and then create-link takes the next counter value.
 *   Random codes would need "insert, catch the violation, retry", and the
 *   retry rate grows with the table (birthday bound).
 * - Not guessable or sequential. The permutation is a 10-round Feistel
 *   network over 42 bits keyed by a secret (LINKS_CODE_SECRET), cycle-walked into [0, 62^7); consecutive counters land
 *   far apart in the code space. It is a format-preserving shuffle, not a
 *   cipher with a security proof: good enough that codes cannot be enumerated
 *   from one another, which is the requirement.
 * - Cheap: one row insert per BLOCK_SIZE links per process, no Redis round
 *   trip per link, and the block table grows by one row per thousand links.
 */

export const CODE_LENGTH = 7;
export const CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CODE_SPACE = 62 ** CODE_LENGTH; // 3,521,614,606,208 < 2^42
const HALF_BITS = 21;
const HALF = 2 ** HALF_BITS;
const HALF_MASK = HALF - 1;
const ROUNDS = 10;
const BLOCK_SIZE = 1_000;

export type CodePermutation = (counter: number) => string;

/** A keyed bijection from counters in [0, 62^7) onto 7-character base62 codes. */
export function createCodePermutation(secret: string): CodePermutation {
  const digest = createHmac("sha256", secret).update("casebook/links/code-permutation/v1").digest();
  const roundKeys = Array.from({ length: ROUNDS }, (_, round) => digest.readUInt32BE((round * 4) % 32) ^ Math.imul(round + 1, 0x9e3779b9));

  const feistel = (value: number): number => {
    let left = Math.floor(value / HALF);
    let right = value % HALF;
    for (const key of roundKeys) {
      const mixed = mix32(right ^ key) & HALF_MASK;
      [left, right] = [right, left ^ mixed];
    }
    return left * HALF + right;
  };

  return (counter) => {
    if (!Number.isSafeInteger(counter) || counter < 0 || counter >= CODE_SPACE) {
      throw new RangeError(`code counter ${counter} is outside [0, 62^${CODE_LENGTH})`);
    }
    // Cycle walking: the network permutes [0, 2^42); re-applying it until the
    // value falls inside [0, 62^7) yields a permutation of that smaller range.
    let value = feistel(counter);
    while (value >= CODE_SPACE) value = feistel(value);
    return toBase62(value);
  };
}

/** murmur3's 32-bit finalizer: full avalanche, so each round key bit affects every output bit. */
function mix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function toBase62(value: number): string {
  let code = "";
  let rest = value;
  for (let index = 0; index < CODE_LENGTH; index++) {
    code = CODE_ALPHABET.charAt(rest % 62) + code;
    rest = Math.floor(rest / 62);
  }
  return code;
}

/** Hands out codes from counter blocks reserved in Postgres; one block fetch per BLOCK_SIZE codes. */
export class CodeAllocator {
  private next = 0;
  private end = 0;
  private refill: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly permute: CodePermutation,
  ) {}

  async nextCode(): Promise<string> {
    while (this.next >= this.end) {
      // Single-flight: concurrent creators wait for the same block instead of each reserving one.
      this.refill ??= this.reserveBlock().finally(() => (this.refill = undefined));
      await this.refill;
    }
    const counter = this.next;
    this.next += 1;
    return this.permute(counter);
  }

  private async reserveBlock(): Promise<void> {
    const block = await this.db.linkCodeBlock.create({ data: {}, select: { id: true } });
    const start = Number(block.id) * BLOCK_SIZE;
    this.next = start;
    this.end = Math.min(start + BLOCK_SIZE, CODE_SPACE);
  }
}

const holder = globalThis as typeof globalThis & { casebookCodeAllocators?: WeakMap<Db, CodeAllocator> };

/** The process-wide allocator for `db` (one per database client, so tests with their own client get their own). */
export function codeAllocatorFor(db: Db): CodeAllocator {
  holder.casebookCodeAllocators ??= new WeakMap();
  let allocator = holder.casebookCodeAllocators.get(db);
  if (!allocator) {
    allocator = new CodeAllocator(db, createCodePermutation(env.LINKS_CODE_SECRET));
    holder.casebookCodeAllocators.set(db, allocator);
  }
  return allocator;
}
