/**
 * Trending is views with exponential time decay: a view counts 1 now, ½ after
 * TRENDING_HALF_LIFE_HOURS, ¼ after twice that. Ranking by Σ 2^(tᵢ/H) (each
 * view weighted by when it happened) is the same as ranking by the decayed
 * sum at any single moment, so scores never need updating as time passes.
 * The sum is kept as its base-2 logarithm so it never overflows:
 * log2(2^a + 2^b) = max + log2(1 + 2^(min − max)), computed in Redis.
 */
export const TRENDING_HALF_LIFE_HOURS = 24;
/** Members kept: the sorted set is trimmed to the best this many when it grows past twice that. */
export const TRENDING_KEEP = 1_000;

/** A view at `now` in half-lives since the epoch: its weight's base-2 logarithm. */
export function viewWeightLog2(now = Date.now()): number {
  return now / 3_600_000 / TRENDING_HALF_LIFE_HOURS;
}

/** Lua: adds one view of weight 2^ARGV[w] to member ARGV[m] of KEYS[k] in log space, and trims the set. */
export function addViewLua(key: string, member: string, weight: string): string {
  return `
local old = redis.call('ZSCORE', ${key}, ${member})
local w = tonumber(${weight})
local new = w
if old then
  local a = tonumber(old)
  local hi = math.max(a, w)
  local lo = math.min(a, w)
  new = hi + math.log(1 + 2 ^ (lo - hi)) / math.log(2)
end
redis.call('ZADD', ${key}, new, ${member})
if redis.call('ZCARD', ${key}) > ${TRENDING_KEEP * 2} then redis.call('ZREMRANGEBYRANK', ${key}, 0, -${TRENDING_KEEP + 1}) end`;
}
